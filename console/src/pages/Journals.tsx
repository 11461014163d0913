// The registration journals of a year: the table, a printable page (format=html) and a CSV
// download (format=csv), as the server renders them.
import { useState } from 'preact/hooks';
import { journal, type JournalEntry, journalUrl } from '../api';
import { useSession } from '../context';
import { nameOf, t } from '../labels';
import { useLoad } from '../load';
import { formatDate } from '../time';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { SelectField } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';
import { YearField } from '../widgets/YearField';

export const JOURNALS = ['incoming', 'outgoing', 'internal', 'postal', 'delivery', 'public_information',
  'acts-order', 'acts-ordinance', 'acts-resolution'];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatDate(String(value)) : String(value);
}

export function JournalsPage() {
  const session = useSession();
  const [name, setName] = useState('incoming');
  const [year, setYear] = useState(Number(session.today.slice(0, 4)));
  const [more, setMore] = useState<JournalEntry[]>([]);
  const loaded = useLoad(() => {
    setMore([]);
    return journal(name, year);
  }, [name, year]);
  const [cursor, setCursor] = useState<string | null>(null);
  const entries = [...(loaded.data?.entries ?? []), ...more];
  const next = cursor ?? loaded.data?.next_cursor ?? null;
  const columns = [...new Set(entries.flatMap((e) => Object.keys(e)))].filter(
    (k) => !['number', 'date', 'case_id', 'journal'].includes(k),
  );

  async function loadMore() {
    if (!next) return;
    const page = await journal(name, year, next);
    setMore((m) => [...m, ...page.entries]);
    setCursor(page.next_cursor ?? null);
  }

  return (
    <section aria-labelledby="journals-title">
      <h1 id="journals-title">{t('journals_title')}</h1>
      <div class="filters">
        <SelectField id="journal" label={t('journal')} value={name} allowEmpty={false}
          onChange={(v) => { setCursor(null); setName(v); }}
          options={JOURNALS.map((j) => ({ value: j, label: nameOf(j) }))} />
        <YearField id="journal-year" value={year} onChange={(y) => { setCursor(null); setYear(y); }} />
        <p class="links">
          <a href={journalUrl(name, year, 'html')} target="_blank" rel="noopener">{t('print')}</a>
          {' · '}
          <a href={journalUrl(name, year, 'csv')} download>{t('download_csv')}</a>
        </p>
      </div>
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && entries.length === 0 && <p>{t('nothing_found')}</p>}
      {entries.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={nameOf(name)}>
          <table>
            <caption>{nameOf(name)} — {year}</caption>
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('case_id')}</th>
                {columns.map((c) => <th scope="col" key={c}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={String(e.number) + e.case_id}>
                  <td>{String(e.number)}</td>
                  <td>{formatDate(e.date)}</td>
                  <td><CaseLink id={e.case_id} /></td>
                  {columns.map((c) => <td key={c}>{cell(e[c])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && <button type="button" onClick={loadMore}>{t('next_page')}</button>}
    </section>
  );
}
