// A grouped bar chart in inline SVG (no chart library, nothing fetched), with its text
// alternative: the SVG is an image labelled by its title and a one-line description, and the
// same figures follow as a table.
import { t } from '../labels';

export interface Series {
  name: string;
  className: string; // the bar colour (app.css: .bar-a, .bar-b, .bar-c)
}

export interface Group {
  label: string;
  values: number[]; // one per series
}

interface Props {
  id: string;
  title: string;
  series: Series[];
  groups: Group[];
}

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 8, bottom: 96, left: 40 };

export function BarChart({ id, title, series, groups }: Props) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.max(2, (slot * 0.8) / Math.max(1, series.length));
  const y = (v: number) => MARGIN.top + plotHeight - (v / max) * plotHeight;
  const description = groups
    .map((g) => `${g.label}: ${g.values.map((v, i) => `${series[i]?.name} ${v}`).join(', ')}`)
    .join('; ');
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure class="chart">
      <figcaption id={id + '-title'}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <desc id={id + '-desc'}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line class="grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text class="tick" x={MARGIN.left - 4} y={y(tick) + 4} text-anchor="end">
              {tick}
            </text>
          </g>
        ))}
        {groups.map((g, gi) => (
          <g key={g.label} aria-hidden="true">
            {g.values.map((v, si) => (
              <rect
                key={si}
                class={series[si]?.className}
                x={MARGIN.left + gi * slot + slot * 0.1 + si * barWidth}
                y={y(v)}
                width={barWidth - 1}
                height={MARGIN.top + plotHeight - y(v)}
              />
            ))}
            <text
              class="axis-label"
              transform={`translate(${MARGIN.left + gi * slot + slot / 2}, ${HEIGHT - MARGIN.bottom + 12}) rotate(35)`}
            >
              {/* a long name is cut here; the tooltip and the table below carry it whole */}
              {g.label.length > 18 && <title>{g.label}</title>}
              {g.label.length > 18 ? g.label.slice(0, 17) + '…' : g.label}
            </text>
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <ul class="legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span class={'swatch ' + s.className} /> {s.name}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('chart_table')}</summary>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                {series.map((s) => (
                  <th scope="col" key={s.name}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.label}>
                  <th scope="row">{g.label}</th>
                  {g.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
