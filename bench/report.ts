/**
 * How benchmarks report: one line per figure, `bench <name> <value> <unit>`, so a note or a
 * script can pick figures out with grep. Benchmarks measure; they never fail the test suite.
 */

export type Report = (name: string, value: number, unit: string) => void;

export const report: Report = (name, value, unit) => {
  const shown = Number.isInteger(value) ? String(value) : value.toPrecision(4);
  console.log(`bench ${name} ${shown} ${unit}`);
};

/** Median and 95th percentile of a list of numbers. */
export function percentiles(xs: readonly number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/** Peak-ish heap after a forced collection, when node runs with --expose-gc. */
export function heapUsedAfterGc(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
  return process.memoryUsage().heapUsed;
}
