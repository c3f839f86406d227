/**
 * A bounded history of chart samples taken from a workbench view as the timeline moves.
 *
 * One sample per change of the view, thinned by virtual time: when the ring is full every other
 * sample goes and the spacing doubles, so a long run keeps its whole shape in a fixed number of
 * points. Samples are keyed by the timeline cursor: seeking back drops every sample past the new
 * cursor (they belong to a future that may be replaced), so the charts never mix two futures.
 * Pure; the store wiring lives in chart-store.ts.
 */
import type { WorkbenchView } from '../../../workbench/view.ts';
import { kafkaPanels } from '../kafka-view.ts';
import { getName, setName } from '../../../../simulator/index.ts';

export interface ChartSample {
  cursor: number;
  atMs: number;
  /** Group id → total lag (null while unknown). */
  groups: Record<string, number | null>;
  /** `group · topic-partition` → that group's lag on the partition. */
  partitions: Record<string, number | null>;
  /** Counter label → value (produced, delivered, …). */
  counters: Record<string, number>;
}

export function sampleOf(view: WorkbenchView, cursor: number): ChartSample {
  const groups: ChartSample['groups'] = {};
  const { groups: gs, partitions: ps } = kafkaPanels(view);
  // Group ids and topics are the learner's names (`__proto__` is a valid one): define, never assign.
  for (const g of gs) setName(groups, g.id, g.lag);
  const partitions: ChartSample['partitions'] = {};
  for (const p of ps) for (const ptr of p.pointers) setName(partitions, `${ptr.label} · ${p.id}`, ptr.lag);
  const counters: ChartSample['counters'] = {};
  for (const c of view.counters) setName(counters, c.label, c.value);
  return { cursor, atMs: view.nowMs, groups, partitions, counters };
}

export const samplesMax = 240;
export const sampleGapMsMin = 100;

export class ChartHistory {
  samples: ChartSample[] = [];
  /** Virtual ms kept between committed samples; doubles each time the ring is thinned. */
  gapMs = sampleGapMsMin;

  constructor(readonly capacity = samplesMax) {}

  add(s: ChartSample): void {
    const xs = this.samples;
    // Back in the timeline: what came after the cursor is another future.
    while (xs.length > 0 && (xs.at(-1)!.cursor > s.cursor || xs.at(-1)!.atMs > s.atMs)) xs.pop();
    const n = xs.length;
    if (n > 0 && xs[n - 1]!.cursor === s.cursor) xs[n - 1] = s;
    else if (n >= 2 && s.atMs - xs[n - 2]!.atMs < this.gapMs) {
      // Too close to the last committed sample: the newest stays current without adding a point.
      xs[n - 1] = s;
    } else xs.push(s);
    if (xs.length > this.capacity) {
      const last = xs.at(-1)!;
      this.samples = xs.filter((_, i) => i % 2 === 0);
      if (this.samples.at(-1) !== last) this.samples.push(last);
      this.gapMs *= 2;
    }
  }

  clear(): void {
    this.samples = [];
    this.gapMs = sampleGapMsMin;
  }
}

export interface Point {
  x: number;
  y: number;
}

/** A counter's rate per virtual second at each sample, over a trailing window. */
export function ratePerSecond(samples: readonly ChartSample[], counter: string, windowMs = 1000): Point[] {
  const out: Point[] = [];
  let j = 0;
  for (let i = 1; i < samples.length; i++) {
    const t = samples[i]!.atMs;
    while (j < i - 1 && samples[j + 1]!.atMs <= t - windowMs) j++;
    const a = samples[j]!;
    const b = samples[i]!;
    const ca = getName(a.counters, counter);
    const cb = getName(b.counters, counter);
    if (ca === undefined || cb === undefined || b.atMs <= a.atMs) continue;
    out.push({ x: t, y: Math.max(0, ((cb - ca) / (b.atMs - a.atMs)) * 1000) });
  }
  return out;
}

/** One series per key of a sample field, skipping unknown values. */
export function seriesOf(samples: readonly ChartSample[], field: 'groups' | 'partitions'): Map<string, Point[]> {
  const out = new Map<string, Point[]>();
  for (const s of samples) {
    for (const [k, v] of Object.entries(s[field])) {
      if (v === null) continue;
      let pts = out.get(k);
      if (!pts) out.set(k, (pts = []));
      pts.push({ x: s.atMs, y: v });
    }
  }
  return out;
}

/** The `n` series with the largest latest value (ties by name), for charts that cannot show all. */
export function largestSeries(series: Map<string, Point[]>, n: number): Array<[string, Point[]]> {
  return [...series].sort((a, b) => (b[1].at(-1)?.y ?? 0) - (a[1].at(-1)?.y ?? 0) || a[0].localeCompare(b[0])).slice(0, n);
}

/** Round axis ticks from 0 to at least `max`: 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(+v.toFixed(10));
  return ticks;
}
