// The nomenclature of files approved for a year.
import { useState } from 'preact/hooks';
import { nomenclature } from '../api';
import { useSession } from '../context';
import { t } from '../labels';
import { useLoad } from '../load';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { CaseLink } from '../widgets/Link';
import { OpenCaseForm } from '../widgets/OpenCaseForm';
import { TableHead } from '../widgets/Table';
import { YearField } from '../widgets/YearField';

export function NomenclaturePage() {
  const session = useSession();
  const [year, setYear] = useState(Number(session.today.slice(0, 4)));
  const loaded = useLoad(() => nomenclature(year), [year]);
  const files = loaded.data?.cases ?? [];
  const mayApprove = (session.me.powers ?? []).includes('approve_nomenclature');
  return (
    <section aria-labelledby="nomenclature-title">
      <h1 id="nomenclature-title">{t('nomenclature_title')}</h1>
      <YearField id="nomenclature-year" value={year} onChange={setYear} />
      {mayApprove && (
        <OpenCaseForm key={year} type="approve_nomenclature" initial={{ year: String(year) }} onDone={loaded.reload} />
      )}
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {loaded.data && files.length === 0 && <p>{t('nothing_found')}</p>}
      {files.length > 0 && (
        <div class="table-scroll">
          <table>
            <TableHead caption={`${t('nomenclature_title')} ${year}`} columns={['code', 'title', 'retention', 'archived']} />
            <tbody>
              {files.map((f) => (
                <tr key={f.code}>
                  <td>{f.case_id ? <CaseLink id={f.case_id}>{f.code}</CaseLink> : f.code}</td>
                  <td>{f.title}</td>
                  <td>{f.retention}</td>
                  <td>{f.archived ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
