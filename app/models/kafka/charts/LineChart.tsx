/**
 * A small line chart in plain SVG: axes with labels, round ticks, one line per series told apart
 * by colour *and* dash pattern *and* a name at the line's end, and the latest values as a
 * visually hidden table for screen readers. Plain SVG because a handful of polylines redrawn a few
 * times a second needs no library, and every kilobyte counts against the first page's budget.
 */
import { formatVirtualTime } from '../../../workbench/speed.ts';
import { niceTicks, type Point } from './chart-history.ts';
import { palette } from '../../../workbench/palette.ts';

export interface Series {
  name: string;
  points: readonly Point[];
}

const dashes = ['', '6 3', '2 3', '9 3 2 3', '4 4', '12 4', '1 2', '6 2 2 2'];
const W = 600;
const H = 220;
const m = { left: 56, right: 140, top: 12, bottom: 40 };
const endLabelGapPx = 12;

/**
 * Time-axis ticks: the first and last time, and the middle when there is room, never two that
 * would print the same words on top of each other (a single sample gives one tick, not three).
 */
export function timeTicks(xMin: number, xMax: number): number[] {
  if (!(xMax > xMin)) return [xMin];
  const ticks = [xMin, xMin + (xMax - xMin) / 2, xMax];
  return ticks.filter((t, i) => i === 0 || formatVirtualTime(t) !== formatVirtualTime(ticks[i - 1]!));
}

export interface LineChartProps {
  title: string;
  /** One sentence under the title: what the chart shows and how to read it. */
  caption: string;
  yLabel: string;
  series: readonly Series[];
  /** How each latest value reads in the table, e.g. "12 records". */
  format: (y: number) => string;
  empty: string;
}

export function LineChart({ title, caption, yLabel, series, format, empty }: LineChartProps) {
  const all = series.flatMap((s) => s.points);
  const xMin = Math.min(...all.map((p) => p.x), Infinity);
  const xMax = Math.max(...all.map((p) => p.x), -Infinity);
  const yTicks = niceTicks(Math.max(...all.map((p) => p.y), 0));
  const yMax = yTicks.at(-1)!;
  const xSpan = xMax > xMin ? xMax - xMin : 1;
  const px = (x: number): number => m.left + ((x - xMin) / xSpan) * (W - m.left - m.right);
  const py = (y: number): number => H - m.bottom - (y / yMax) * (H - m.top - m.bottom);
  const xTicks = timeTicks(all.length ? xMin : 0, all.length ? xMax : 0);
  // Names at the lines' ends, nudged apart so they do not overlap.
  const ends = series
    .map((s, i) => ({ i, name: s.name, y: s.points.length ? py(s.points.at(-1)!.y) : NaN }))
    .filter((e) => !Number.isNaN(e.y))
    .sort((a, b) => a.y - b.y);
  for (let k = 1; k < ends.length; k++) ends[k]!.y = Math.max(ends[k]!.y, ends[k - 1]!.y + endLabelGapPx);

  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong> <span className="chart-caption">{caption}</span>
      </figcaption>
      {all.length === 0 ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: a line chart; the latest values are listed below it.`}>
          <g className="chart-axis" aria-hidden="true">
            <line x1={m.left} y1={H - m.bottom} x2={W - m.right} y2={H - m.bottom} />
            <line x1={m.left} y1={m.top} x2={m.left} y2={H - m.bottom} />
            {yTicks.map((t) => (
              <g key={t}>
                <line className="chart-grid" x1={m.left} x2={W - m.right} y1={py(t)} y2={py(t)} />
                <text x={m.left - 6} y={py(t)} textAnchor="end" dominantBaseline="middle">
                  {t}
                </text>
              </g>
            ))}
            {xTicks.map((t, i) => (
              <text
                key={i}
                x={px(t)}
                y={H - m.bottom + 16}
                textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
              >
                {formatVirtualTime(t)}
              </text>
            ))}
            <text x={(m.left + W - m.right) / 2} y={H - 4} textAnchor="middle" className="chart-axis-label">
              virtual time
            </text>
            <text
              transform={`translate(14 ${(m.top + H - m.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              className="chart-axis-label"
            >
              {yLabel}
            </text>
          </g>
          <g aria-hidden="true">
            {series.map((s, i) => (
              <polyline
                key={s.name}
                points={s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}
                fill="none"
                stroke={palette[i % palette.length]}
                strokeWidth={2}
                strokeDasharray={dashes[i % dashes.length]}
              />
            ))}
            {ends.map((e) => (
              <text key={e.name} x={W - m.right + 6} y={e.y} dominantBaseline="middle" className="chart-end-label">
                <tspan fill={palette[e.i % palette.length]}>{'\u25A0'} </tspan>
                {e.name.length > 20 ? `${e.name.slice(0, 19)}…` : e.name}
              </text>
            ))}
          </g>
        </svg>
      )}
      <table className="visually-hidden">
        <caption>{title}: latest values</caption>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Latest value</th>
            <th scope="col">At</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => {
            const last = s.points.at(-1);
            return (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td>{last ? format(last.y) : 'no data yet'}</td>
                <td>{last ? formatVirtualTime(last.x) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
