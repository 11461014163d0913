// The registration journals of a year: the table, a printable page (format=html) and a CSV
// download (format=csv), as the server renders them.
import { useEffect, useState } from 'preact/hooks';
import { journal, type JournalEntry, type JournalListed, journals, journalUrl } from '../api';
import { useSession } from '../context';
import { fieldName, isLabel, nameOf, pick, t } from '../labels';
import { usePaged } from '../paged';
import { useSchema } from '../schema';
import { formatDate } from '../time';
import { valueText } from '../widgets/Changes';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { SelectField } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';
import { YearField } from '../widgets/YearField';

// What the select offers until GET /v1/journals answers (or when it fails): the journals every
// body keeps. The server's list (workflows::journals::Listed) replaces it.
export const FALLBACK_JOURNALS: JournalListed[] = ['incoming', 'outgoing', 'internal', 'postal',
  'delivery', 'public_information', 'acts-order', 'acts-ordinance', 'acts-resolution',
  'certificates', 'business_trips', 'archive_inventory',
  'minutes-council', 'minutes-bureau', 'minutes-commission', 'minutes-faction'].map((name) => ({ name }));

// The label of a listed journal in the interface language: a commission's or faction's own
// minutes register by that body's name, any other by its label (else its name).
export function journalLabel(listed: JournalListed): string {
  const body = pick(listed.body_name_ka, listed.body_name_en);
  if (body && listed.body_kind === 'commission') return t('minutes_of_commission', { name: body });
  if (body && listed.body_kind === 'faction') return t('minutes_of_faction', { name: body });
  return nameOf(listed.name);
}

// The journals of incoming documents: their `channel` is how the document came in; in the
// others it is how the answer went out.
const INCOMING_JOURNALS = new Set(['incoming', 'public_information']);

// The header of column `column` of journal `journal`.
function columnLabel(journal: string, column: string): string {
  if (column === 'channel' && !INCOMING_JOURNALS.has(journal)) return t('outgoing_channel');
  return isLabel(column) ? t(column) : fieldName(column);
}

export function JournalsPage() {
  const session = useSession();
  const schema = useSchema();
  const [name, setName] = useState('incoming');
  const [listed, setListed] = useState<JournalListed[]>(FALLBACK_JOURNALS);
  // the list is not the page's content: when it fails the fallback stays and the journal loads
  useEffect(() => {
    journals().then((answer) => setListed(answer.journals), () => undefined);
  }, []);
  const label = journalLabel(listed.find((j) => j.name === name) ?? { name });
  const [year, setYear] = useState(Number(session.today.slice(0, 4)));
  const paged = usePaged<JournalEntry>((after) =>
    journal(name, year, after).then((page) => ({ items: page.entries, next: page.next_cursor ?? null })),
  );
  useEffect(() => void paged.load(), [name, year]);
  const entries = paged.items ?? [];
  const columns = [...new Set(entries.flatMap((e) => Object.keys(e)))].filter(
    // `<key>_ka` is the Georgian name of a code the table already shows by its label
    (k) => !['number', 'date', 'case_id', 'journal'].includes(k) && !k.endsWith('_ka'),
  );

  return (
    <section aria-labelledby="journals-title">
      <h1 id="journals-title">{t('journals_title')}</h1>
      <div class="filters">
        <SelectField id="journal" label={t('journal')} value={name} allowEmpty={false}
          onChange={setName}
          options={listed.map((j) => ({ value: j.name, label: journalLabel(j) }))} />
        <YearField id="journal-year" value={year} onChange={setYear} />
        <p class="links">
          <a href={journalUrl(name, year, 'html')} target="_blank" rel="noopener">{t('print')}</a>
          {' · '}
          <a href={journalUrl(name, year, 'csv')} download>{t('download_csv')}</a>
        </p>
      </div>
      {paged.busy && <Loading />}
      <ErrorBox error={paged.error} onRetry={() => paged.load(paged.items ? paged.next ?? undefined : undefined)} />
      {paged.items && entries.length === 0 && <p>{t('nothing_found')}</p>}
      {entries.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>
          <table>
            <caption>{label} — {year}</caption>
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('date')}</th>
                {columns.map((c) => <th scope="col" key={c}>{columnLabel(name, c)}</th>)}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={String(e.number) + e.case_id}>
                  {/* the number is what the office knows a document by; it opens the case */}
                  <td>{e.case_id ? <CaseLink id={e.case_id}>{String(e.number)}</CaseLink> : String(e.number)}</td>
                  <td>{formatDate(e.date)}</td>
                  {columns.map((c) => <td key={c}>{valueText(e[c], session, schema)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paged.next && <button type="button" onClick={() => paged.load(paged.next!)}>{t('next_page')}</button>}
    </section>
  );
}
