// The organisation as the log holds it (GET /v1/org): each post with its holder and who acts for
// it today, the acting assignments with their basis, the appointments; for a post with the power
// `appoint`, the forms of set_acting, end_acting and appoint (from the command schema), sent to
// POST /v1/org/commands.
import { executeOrg, org } from '../api';
import { postTitle, useSession } from '../context';
import { pick, t } from '../labels';
import { useLoad } from '../load';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { CaseLink } from '../widgets/Link';
import { OpenCaseForm } from '../widgets/OpenCaseForm';
import { TableHead } from '../widgets/Table';

const ORG_COMMANDS = ['set_acting', 'end_acting', 'appoint'];

export function OrganisationPage() {
  const session = useSession();
  const loaded = useLoad(org, []);
  const chart = loaded.data;
  const mayAppoint = (session.me.powers ?? []).includes('appoint');
  const title = (post: string) => postTitle(session, post, false);
  return (
    <section aria-labelledby="org-title">
      <h1 id="org-title">{t('org_title')}</h1>
      {mayAppoint && (
        <div class="org-commands">
          {ORG_COMMANDS.map((type) => (
            <OpenCaseForm key={type} type={type} send={executeOrg} onDone={loaded.reload} />
          ))}
        </div>
      )}
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {chart && (
        <>
          <h2 id="org-acting">{t('org_acting')}</h2>
          {chart.acting.length === 0 && <p>{t('nothing_found')}</p>}
          {chart.acting.length > 0 && (
            <div class="table-scroll">
              <table aria-labelledby="org-acting">
                <TableHead caption={t('org_acting')}
                  columns={['absent_post', 'acting_post', 'date_from', 'date_to', 'basis', 'running']} />
                <tbody>
                  {chart.acting.map((a) => (
                    <tr key={`${a.post}-${a.from}`}>
                      <td>{title(a.post)}</td>
                      <td>{title(a.acting_post)}</td>
                      <td>{a.from}</td>
                      <td>{a.to}</td>
                      <td>{a.basis}</td>
                      <td>{a.running ? t('yes') : t('no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2 id="org-posts">{t('org_posts')}</h2>
          <div class="table-scroll">
            <table aria-labelledby="org-posts">
              <TableHead caption={t('org_posts')} columns={['post', 'holder', 'unit', 'acted_for_by']} />
              <tbody>
                {chart.posts.map((p) => {
                  const unit = chart.units.find((u) => u.id === p.unit);
                  return (
                    <tr key={p.id}>
                      <td>{pick(p.title, p.title_en) || p.id}</td>
                      <td>{p.holder || t('vacant')}</td>
                      <td>{unit ? pick(unit.name_ka, unit.name_en) : p.unit}</td>
                      <td>{p.acted_for_by ? title(p.acted_for_by) : t('none')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {(chart.appointments ?? []).length > 0 && (
            <>
              <h2 id="org-appointments">{t('org_appointments')}</h2>
              <div class="table-scroll">
                <table aria-labelledby="org-appointments">
                  <TableHead caption={t('org_appointments')} columns={['post', 'person', 'date_from', 'basis']} />
                  <tbody>
                    {(chart.appointments ?? []).map((a) => (
                      <tr key={`${a.post}-${a.from}-${a.person}`}>
                        <td>{title(a.post)}</td>
                        <td>{a.person || t('vacant')}</td>
                        <td>{a.from}</td>
                        <td>{a.basis}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <p><CaseLink id="org">{t('org_history')}</CaseLink></p>
        </>
      )}
    </section>
  );
}
