// The annual report (GET /v1/reports/annual) with three plots in inline SVG, each with a text
// alternative: incoming documents per month (counted from the incoming journal's dates, which
// the report's JSON does not break down), answered on time vs late per unit (the control
// dashboard's figures for the year), and the outcomes of public-information requests.
import { useState } from 'preact/hooks';
import { annualReport, control, journal, type JournalEntry } from '../api';
import { useSession } from '../context';
import { monthName, nameOf, pick, t } from '../labels';
import { useLoad } from '../load';
import { BarChart } from '../widgets/BarChart';
import { ErrorBox, Loading } from '../widgets/ErrorBox';
import { YearField } from '../widgets/YearField';

// Every entry of a journal's year, following next_cursor (at most 200 pages).
async function wholeJournal(name: string, year: number): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; ++page) {
    const answer = await journal(name, year, cursor);
    entries.push(...answer.entries);
    if (!answer.next_cursor) break;
    cursor = answer.next_cursor;
  }
  return entries;
}

// Entries per month, January first, by their YYYY-MM-DD date.
export function perMonth(entries: { date: string }[]): number[] {
  const counts = new Array<number>(12).fill(0);
  for (const e of entries) {
    const month = Number(e.date?.slice(5, 7));
    if (month >= 1 && month <= 12) counts[month - 1]++;
  }
  return counts;
}

export function ReportsPage() {
  const session = useSession();
  const [year, setYear] = useState(Number(session.today.slice(0, 4)));
  const report = useLoad(() => annualReport(year), [year]);
  const months = useLoad(() => wholeJournal('incoming', year).then(perMonth), [year]);
  const units = useLoad(() => control({ year }), [year]);
  const r = report.data;
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports_title')} {year}</h1>
      <YearField id="report-year" value={year} onChange={setYear} />
      {report.loading && <Loading />}
      <ErrorBox error={report.error} onRetry={report.reload} />
      {r && (
        <dl class="figures">
          <div><dt>{t('incoming_total')}</dt><dd>{r.incoming.total}</dd></div>
          <div><dt>{t('outgoing_total')}</dt><dd>{r.outgoing}</dd></div>
          <div><dt>{t('acts_total')}</dt><dd>{r.acts.total}</dd></div>
          <div><dt>{t('answered_on_time')}</dt><dd>{r.proceedings.answered_on_time}</dd></div>
          <div><dt>{t('answered_late')}</dt><dd>{r.proceedings.answered_late}</dd></div>
          <div><dt>{t('open')}</dt><dd>{r.proceedings.open}</dd></div>
          <div><dt>{t('average_days')}</dt><dd>{Number(r.proceedings.average_days_to_answer).toFixed(1)}</dd></div>
          <div><dt>{t('reminders')}</dt><dd>{r.deadline_watch.reminders}</dd></div>
          <div><dt>{t('missed')}</dt><dd>{r.deadline_watch.missed}</dd></div>
          <div><dt>{t('escalations')}</dt><dd>{r.deadline_watch.escalations}</dd></div>
          <div><dt>{t('log_intact')}</dt><dd>{r.log.intact ? t('chain_ok') : t('chain_broken')}</dd></div>
          <div><dt>{t('anchor')}</dt><dd><code class="wrap">{r.log.anchor}</code></dd></div>
        </dl>
      )}
      {months.data && (
        <BarChart id="chart-months" title={t('incoming_per_month')}
          series={[{ name: t('count'), className: 'bar-a' }]}
          groups={months.data.map((n, i) => ({ label: monthName(i + 1), values: [n] }))} />
      )}
      <ErrorBox error={months.error} />
      {units.data && (
        <BarChart id="chart-units" title={t('on_time_per_unit')}
          series={[{ name: t('answered_on_time'), className: 'bar-a' }, { name: t('answered_late'), className: 'bar-b' }]}
          groups={units.data.units.map((u) => {
            // a unit with sub-units: its figures with theirs, as on the control page
            const f = u.totals ?? u;
            return { label: pick(u.name, u.name_en), values: [f.answered_on_time, f.answered_late] };
          })} />
      )}
      {units.error !== null && <p class="notice">{t('per_unit_missing')}</p>}
      {r && (
        <BarChart id="chart-pi" title={t('pi_outcomes')}
          series={[{ name: t('count'), className: 'bar-c' }]}
          groups={[
            { label: t('released'), values: [r.public_information.released] },
            { label: t('partly'), values: [r.public_information.partly] },
            { label: t('refused'), values: [r.public_information.refused] },
            { label: nameOf('redirected_out'), values: [r.public_information.redirected] },
            { label: t('open'), values: [r.public_information.open] },
          ]} />
      )}
    </section>
  );
}
