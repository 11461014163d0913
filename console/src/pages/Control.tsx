// The control dashboard: open, due this week, overdue, answered on time and late, per unit and
// per post the caller controls; a figure (or the selects) drills down to the overdue or soon-due
// cases of a unit or a post.
import { useState } from 'preact/hooks';
import { type CaseSummary, control, type ControlFigures } from '../api';
import { useSession } from '../context';
import { nameOf, pick, t } from '../labels';
import { useLoad } from '../load';
import { formatDate } from '../time';
import { DaysLeft, DueDate } from '../widgets/DueCell';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { SelectField, unitOptions } from '../widgets/Fields';
import { CaseLink } from '../widgets/Link';

type Drill = '' | 'overdue' | 'due_soon';

// The figures of a row; a non-zero due-this-week or overdue figure opens the cases behind it.
function FigureCells({ row, name, onDrill }: { row: ControlFigures; name: string; onDrill: (drill: Drill) => void }) {
  const figure = (n: number, drill: Drill, label: string) =>
    n > 0 ? (
      <button type="button" class="link-button" onClick={() => onDrill(drill)} aria-label={`${name}: ${label} ${n}`}>
        {n}
      </button>
    ) : (
      n
    );
  return (
    <>
      <td>{row.open}</td>
      <td>{figure(row.due_this_week, 'due_soon', t('drill_due_soon'))}</td>
      <td class={row.overdue ? 'overdue-cell' : ''}>{figure(row.overdue, 'overdue', t('drill_overdue'))}</td>
      <td>{row.answered_on_time}</td>
      <td>{row.answered_late}</td>
    </>
  );
}

function FigureHeads() {
  return (
    <>
      <th scope="col">{t('open')}</th>
      <th scope="col">{t('due_this_week')}</th>
      <th scope="col">{t('overdue_column')}</th>
      <th scope="col">{t('answered_on_time')}</th>
      <th scope="col">{t('answered_late')}</th>
    </>
  );
}

function CaseList({ cases, today }: { cases: CaseSummary[]; today: string }) {
  if (!cases.length) return <p>{t('nothing_found')}</p>;
  return (
    <ul class="case-list">
      {cases.map((c) => (
        <li key={c.case_id}>
          <CaseLink id={c.case_id}>{c.registration_number || c.case_id}</CaseLink> {c.subject ?? ''}{' '}
          <span class="muted">{nameOf(c.kind)}</span> <DueDate due={c.due} /> <DaysLeft today={today} due={c.due} />
        </li>
      ))}
    </ul>
  );
}

export function ControlPage() {
  const session = useSession();
  const [unit, setUnit] = useState('');
  const [drill, setDrill] = useState<Drill>('');
  const [focus, setFocus] = useState(''); // the post whose cases the drill-down shows ('' = all)
  const loaded = useLoad(() => control({ unit: unit || undefined, drill: drill || undefined }), [unit, drill]);
  const data = loaded.data;
  return (
    <section aria-labelledby="control-title">
      <h1 id="control-title">{t('control_title')}</h1>
      <div class="filters">
        <SelectField id="control-unit" label={t('unit')} value={unit} onChange={setUnit} options={unitOptions(session.org)} />
        <SelectField id="control-drill" label={t('show')} value={drill} onChange={(v) => { setFocus(''); setDrill(v as Drill); }}
          options={[{ value: 'overdue', label: t('drill_overdue') }, { value: 'due_soon', label: t('drill_due_soon') }]} />
      </div>
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      {data && (
        <>
          <p class="muted">
            {t('today_is', { d: formatDate(data.today) })} · {t('week_ends', { d: formatDate(data.week_ends) })}
          </p>
          <h2>{t('unit')}</h2>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('control_title')}: {t('unit')}</caption>
              <thead><tr><th scope="col">{t('unit')}</th><FigureHeads /></tr></thead>
              <tbody>
                {data.units.map((u) => (
                  <tr key={u.unit}>
                    <th scope="row">
                      <button type="button" class="link-button" onClick={() => setUnit(u.unit)}>{pick(u.name, u.name_en)}</button>
                    </th>
                    <FigureCells row={u.totals ?? u} name={pick(u.name, u.name_en)} onDrill={(d) => {
                      setFocus('');
                      setUnit(u.unit);
                      setDrill(d);
                    }} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('executor')}</h2>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('control_title')}: {t('executor')}</caption>
              <thead><tr><th scope="col">{t('post')}</th><th scope="col">{t('holder')}</th><FigureHeads /></tr></thead>
              <tbody>
                {data.posts.map((p) => (
                  <tr key={p.post}>
                    <th scope="row">{pick(p.title, p.title_en)}</th>
                    <td>{p.holder}</td>
                    <FigureCells row={p} name={pick(p.title, p.title_en)} onDrill={(d) => {
                      setFocus(p.post);
                      setDrill(d);
                    }} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {drill && (
            <section aria-labelledby="drill-title">
              <h2 id="drill-title">{drill === 'overdue' ? t('drill_overdue') : t('drill_due_soon')}</h2>
              {!focus && data.units.filter((u) => u.cases).map((u) => (
                <div key={u.unit}>
                  <h3>{pick(u.name, u.name_en)}</h3>
                  <CaseList cases={u.cases ?? []} today={data.today} />
                </div>
              ))}
              {data.posts.filter((p) => p.cases && p.cases.length && (!focus || p.post === focus)).map((p) => (
                <div key={p.post}>
                  <h3>{pick(p.title, p.title_en)} {p.holder && `— ${p.holder}`}</h3>
                  <CaseList cases={p.cases ?? []} today={data.today} />
                </div>
              ))}
              {!data.units.some((u) => u.cases) && !data.posts.some((p) => p.cases) && <p>{t('err_not_available')}</p>}
            </section>
          )}
        </>
      )}
    </section>
  );
}
