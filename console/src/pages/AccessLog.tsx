// The access log (auditors): who read which case, when, through which route and on what ground.
import { useEffect, useState } from 'preact/hooks';
import { type AccessEntry, accessLog, accessLogCsvUrl } from '../api';
import { postTitle, useSession } from '../context';
import { groundLabel, routeLabel, t } from '../labels';
import { replaceQuery } from '../router';
import { formatDateTime } from '../time';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { TextField } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';
import { TableHead } from '../widgets/Table';
import { usePaged } from '../paged';

export function AccessLogPage({ initialCase }: { initialCase: string }) {
  const session = useSession();
  const [typed, setTyped] = useState(initialCase);
  const [caseId, setCaseId] = useState(initialCase);
  const paged = usePaged<AccessEntry>((after) =>
    accessLog({ case: caseId || undefined, limit: 100, cursor: after }).then((page) => ({
      items: page.entries,
      next: page.next_cursor,
    })),
  );
  useEffect(() => void paged.load(), [caseId]);
  const entries = paged.items;

  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">{t('access_log_title')}</h1>
      <form class="filters" onSubmit={(e) => {
        e.preventDefault();
        replaceQuery({ case: typed.trim() });
        setCaseId(typed.trim());
      }}>
        <TextField id="access-case" label={t('filter_case')} value={typed} onInput={setTyped} />
        <div class="form-actions">
          <button type="submit" class="primary">{t('show')}</button>
        </div>
        <p class="links"><a href={accessLogCsvUrl(typed.trim() || undefined)} download>{t('download_csv')}</a></p>
      </form>
      {paged.busy && <Loading />}
      <ErrorBox error={paged.error} onRetry={() => paged.load()} />
      {entries && entries.length === 0 && <p>{t('nothing_found')}</p>}
      {entries && entries.length > 0 && (
        <div class="table-scroll">
          <table>
            <TableHead caption={t('access_log_title')} columns={['at', 'post', 'person', 'case_id', 'route', 'ground']} />
            <tbody>
              {entries.map((e, i) => (
                <tr key={i}>
                  <td>{formatDateTime(e.at)}</td>
                  {/* the person has a column of their own: the post without its chart holder */}
                  <td>{postTitle(session, e.post, false)}</td>
                  <td>{e.person}</td>
                  <td>{e.case_id ? <CaseLink id={e.case_id} /> : ''}</td>
                  <td>{routeLabel(e.route) ?? <code>{e.route}</code>}</td>
                  <td>{groundLabel(e.ground)}</td>
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
