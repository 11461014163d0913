// The access log (auditors): who read which case, when, through which route and on what ground.
import { useEffect, useState } from 'preact/hooks';
import { type AccessEntry, accessLog, accessLogCsvUrl } from '../api';
import { postTitle, useSession } from '../context';
import { t } from '../labels';
import { replaceQuery } from '../router';
import { formatDateTime } from '../time';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { TextField } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';

export function AccessLogPage({ initialCase }: { initialCase: string }) {
  const session = useSession();
  const [typed, setTyped] = useState(initialCase);
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function load(caseId: string, after?: string) {
    setBusy(true);
    setError(null);
    try {
      const page = await accessLog({ case: caseId || undefined, limit: 100, cursor: after });
      setEntries((old) => (after ? [...(old ?? []), ...page.entries] : page.entries));
      setCursor(page.next_cursor);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => void load(initialCase), []);

  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">{t('access_log_title')}</h1>
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        replaceQuery({ case: typed.trim() });
        void load(typed.trim());
      }}>
        <TextField id="access-case" label={t('filter_case')} value={typed} onInput={setTyped} />
        <div class="form-actions">
          <button type="submit" class="primary">{t('show')}</button>
        </div>
        <p class="links"><a href={accessLogCsvUrl(typed.trim() || undefined)} download>{t('download_csv')}</a></p>
      </form>
      {busy && <Loading />}
      <ErrorBox error={error} onRetry={() => load(typed.trim())} />
      {entries && entries.length === 0 && <p>{t('nothing_found')}</p>}
      {entries && entries.length > 0 && (
        <table>
          <caption class="visually-hidden">{t('access_log_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('post')}</th>
              <th scope="col">{t('person')}</th>
              <th scope="col">{t('case_id')}</th>
              <th scope="col">{t('route')}</th>
              <th scope="col">{t('ground')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={i}>
                <td>{formatDateTime(e.at)}</td>
                <td>{postTitle(session, e.post)}</td>
                <td>{e.person}</td>
                <td>{e.case_id ? <CaseLink id={e.case_id} /> : ''}</td>
                <td><code>{e.route}</code></td>
                <td>{e.ground}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && <button type="button" onClick={() => load(typed.trim(), cursor)}>{t('next_page')}</button>}
    </section>
  );
}
