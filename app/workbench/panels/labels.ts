/**
 * Words and numbers for the data panels, kept pure so they can be tested in Node and shared by
 * every panel: a status is always an icon plus a word (never colour alone), counts are grouped by
 * thousands the same way on every machine, and lag reads "billing lag 5" or "lag unknown".
 */
import type { NodeStatus } from '../view.ts';

/**
 * Thousands-grouped integer ("9,988"), fixed to English so tests and screenshots are stable.
 * Grouped by hand: `toLocaleString` builds a number formatter per call, and the panels format
 * thousands of numbers a second while a simulation plays.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const t = Math.trunc(n);
  const digits = String(Math.abs(t));
  if (digits.length <= 3) return t < 0 ? `-${digits}` : digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return t < 0 ? `-${out}` : out;
}

/**
 * A count for a narrow cell: as formatCount up to 9,999, then in thousands or millions to three
 * figures ("12.3k", "123k", "1.23M"), so a strip's gap cell never clips its number. Rounded down,
 * so it never claims more than there is; the cell's title and read-out text carry the exact count.
 */
export function compactCount(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) < 10_000) return formatCount(n);
  const [unit, size] = Math.abs(n) < 1_000_000 ? ['k', 1_000] : ['M', 1_000_000];
  const v = Math.abs(n) / size;
  const decimals = v < 10 ? 2 : v < 100 ? 1 : 0;
  const f = 10 ** decimals;
  const shown = (Math.floor(v * f) / f).toFixed(decimals);
  return `${n < 0 ? '-' : ''}${shown}${unit}`;
}

/** "1 record" / "3 records". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Virtual time as the learner reads it: "1,200 ms" or "12.5 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (Math.abs(ms) < 10_000) return `${formatCount(ms)} ms`;
  // One decimal, dropped when it is zero ("12 s", "12.5 s"), as toLocaleString would.
  const tenths = Math.round(Math.abs(ms) / 100);
  const text = `${formatCount(Math.trunc(tenths / 10))}${tenths % 10 ? `.${tenths % 10}` : ''} s`;
  return ms < 0 && tenths > 0 ? `-${text}` : text;
}

export interface StatusBadge {
  /** A symbol shown beside the word; decorative, so hidden from screen readers. */
  icon: string;
  word: string;
}

// Words match the topology's node cards so a learner sees one vocabulary on the whole screen.
const badges: Record<NodeStatus, StatusBadge> = {
  ok: { icon: '✓', word: 'running' },
  idle: { icon: '○', word: 'idle' },
  busy: { icon: '◉', word: 'processing' },
  slow: { icon: '◔', word: 'slow' },
  rebalancing: { icon: '⟳', word: 'rebalancing' },
  crashed: { icon: '✕', word: 'crashed' },
  left: { icon: '↤', word: 'left the group' },
  offline: { icon: '⊘', word: 'offline' },
  error: { icon: '⚠', word: 'error' },
};

/** Icon and word for a node status; an unknown status (from a newer model) reads as itself. */
export function statusBadge(status: NodeStatus): StatusBadge {
  return badges[status] ?? { icon: '?', word: String(status) };
}

/** "rebalancing — generation 4". */
export function groupHeading(group: { phase: string; generation: number }): string {
  return `${group.phase} — generation ${formatCount(group.generation)}`;
}

/** "lag 5" or "lag unknown"; with a name, "billing lag 5". */
export function lagText(lag: number | null, who?: string): string {
  const value = lag === null ? 'lag unknown' : `lag ${formatCount(lag)}`;
  return who ? `${who} ${value}` : value;
}

/** "owns orders-0, orders-2" or "owns no partitions". */
export function ownsText(partitions: readonly string[]): string {
  return partitions.length === 0 ? 'owns no partitions' : `owns ${partitions.join(', ')}`;
}
