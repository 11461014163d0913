// Searching the cases the caller may read: words and filters (kind, state, executor, unit,
// overdue, opened from/to), newest first, a page at a time (next_cursor). The filters live in
// the address, so a search can be bookmarked and reloaded.
import { useEffect, useState } from 'preact/hooks';
import { type CaseQuery, type CaseSummary, searchCases } from '../api';
import { postTitle, useSession } from '../context';
import { nameOf, t } from '../labels';
import { replaceQuery } from '../router';
import { isDate } from '../time';
import { DaysLeft, DueDate } from '../widgets/DueCell';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { CheckField, SelectField, TextField, postOptions, unitOptions } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';
import { TableHead } from '../widgets/Table';
import { usePaged } from '../paged';

const KINDS = ['correspondence', 'application', 'public_information', 'complaint', 'legal_act', 'assignment', 'outgoing_letter', 'petition', 'oral_act', 'periodic_report'];
const STATES = ['registered', 'resolved', 'in_execution', 'answer_drafted', 'signed', 'decided', 'information_refused',
  'answered', 'redirected_out', 'filed', 'drafted', 'adopted', 'registered_act'];
const KEYS = ['q', 'kind', 'state', 'executor', 'unit', 'overdue', 'from', 'to'] as const;
type Filters = Record<(typeof KEYS)[number], string>;

function filtersFrom(query: URLSearchParams): Filters {
  return Object.fromEntries(KEYS.map((k) => [k, query.get(k) ?? ''])) as Filters;
}

function toQuery(f: Filters, cursor?: string): CaseQuery {
  return {
    q: f.q.trim() || undefined, kind: f.kind || undefined, state: f.state || undefined,
    executor: f.executor || undefined, unit: f.unit || undefined, overdue: f.overdue === 'true' || undefined,
    from: f.from || undefined, to: f.to || undefined, limit: 50, cursor,
  };
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(query));
  const [applied, setApplied] = useState<Filters>(filters);
  const paged = usePaged<CaseSummary>((after) =>
    searchCases(toQuery(applied, after)).then((page) => ({ items: page.cases, next: page.next_cursor })),
  );
  const results = paged.items;
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  useEffect(() => void paged.load(), [applied]);

  function submit(e: Event) {
    e.preventDefault();
    const bad: Record<string, string> = {};
    for (const key of ['from', 'to'] as const) if (filters[key] && !isDate(filters[key])) bad[key] = t('invalid_date');
    setInvalid(bad);
    if (Object.keys(bad).length) return;
    replaceQuery(filters);
    setApplied({ ...filters });
  }

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('search_title')}</h1>
      <form role="search" onSubmit={submit} class="filters" noValidate>
        <TextField id="q" type="search" label={t('query')} value={filters.q} onInput={set('q')} />
        <SelectField id="kind" label={t('kind')} value={filters.kind} onChange={set('kind')}
          options={KINDS.map((k) => ({ value: k, label: nameOf(k) }))} />
        <SelectField id="state" label={t('state')} value={filters.state} onChange={set('state')}
          options={STATES.map((s) => ({ value: s, label: nameOf(s) }))} />
        <SelectField id="executor" label={t('executor')} value={filters.executor} onChange={set('executor')}
          options={postOptions(session.org)} />
        <SelectField id="unit" label={t('unit')} value={filters.unit} onChange={set('unit')}
          options={unitOptions(session.org)} />
        <TextField id="from" type="date" label={t('from')} value={filters.from} onInput={set('from')} error={invalid.from} />
        <TextField id="to" type="date" label={t('to')} value={filters.to} onInput={set('to')} error={invalid.to} />
        <CheckField id="overdue" label={t('only_overdue')} checked={filters.overdue === 'true'}
          onChange={(on) => set('overdue')(on ? 'true' : '')} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={paged.busy}>
            {t('search')}
          </button>
        </div>
      </form>
      <ErrorBox error={paged.error} onRetry={() => paged.load()} />
      {paged.busy && <Loading />}
      {results && results.length === 0 && <p>{t('nothing_found')}</p>}
      {results && results.length > 0 && (
        <div class="table-scroll">
          <table>
            <TableHead caption={t('search_title')}
              columns={['registration_number', 'kind', 'state', 'subject', 'correspondent', 'executor', 'opened_on', 'due']} />
            <tbody>
              {results.map((c) => (
                <tr key={c.case_id}>
                  <td><CaseLink id={c.case_id}>{c.registration_number || c.case_id}</CaseLink></td>
                  <td>{nameOf(c.kind)}</td>
                  <td>{nameOf(c.state)}</td>
                  <td>{c.subject ?? ''}</td>
                  <td>{c.correspondent ?? ''}</td>
                  <td>{postTitle(session, c.executor)}</td>
                  <td><DueDate due={c.opened_on} /></td>
                  <td>
                    <DueDate due={c.due} /> {c.due && <DaysLeft today={session.today} due={c.due} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paged.next && (
        <button type="button" onClick={() => paged.load(paged.next!)} disabled={paged.busy}>
          {t('next_page')}
        </button>
      )}
    </section>
  );
}
