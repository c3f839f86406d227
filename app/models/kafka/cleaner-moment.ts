/**
 * Kafka's log-cleaning moments, for the band under the topology, drawn on one scale of offsets:
 * - retention: what it deleted from a partition beside what is still there — and, when a group
 *   began reading that partition after the deletion (from "the start", which is now the oldest
 *   record kept), the part it read and the part it never could;
 * - compaction: the offsets kept (the last value per key) beside the ones the cleaner removed.
 * Read from the trace (full mode: the lessons that show them).
 */
import { kafkaRead, type KafkaState } from '../../../simulator/index.ts';
import type { MomentView, ReadRange } from '../../workbench/moment.ts';

type Entry = KafkaState['trace']['entries'][number];

/** The newest deletion, and the newest group that began reading its partition at or after it. */
export interface RetentionFacts {
  topic: string;
  partition: number;
  /** The log start after the newest deletion on this partition. */
  start: number;
  /** Index of the newest deletion in the trace. */
  at: number;
  /** A group whose first record on the partition came at or after a deletion, from offset `first` > 0. */
  missed?: { group: string; first: number; last: number; at: number };
}

const tp = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export function retentionFacts(entries: readonly Entry[]): RetentionFacts | undefined {
  const start = new Map<string, number>();
  const firstSeen = new Set<string>();
  let facts: RetentionFacts | undefined;
  const reads = new Map<string, { topic: string; partition: number; group: string; first: number; last: number; at: number }>();
  entries.forEach((e, i) => {
    if (e.type === 'retention-deleted') {
      const key = tp(e.topic, e.partition);
      // Each replica deletes for itself: the log start is the same on each, keep the newest.
      start.set(key, Math.max(start.get(key) ?? 0, e.logStartOffset));
      facts = { topic: e.topic, partition: e.partition, start: start.get(key)!, at: i };
    } else if (e.type === 'record-processed') {
      const key = tp(e.topic, e.partition);
      const gk = `${e.group}\u0000${key}`;
      const r = reads.get(gk);
      if (r) r.last = Math.max(r.last, e.offset);
      else if (!firstSeen.has(gk)) {
        firstSeen.add(gk);
        const kept = start.get(key) ?? 0;
        // Began where retention had already cut the log: everything before it was never there to read.
        if (e.offset > 0 && e.offset <= kept)
          reads.set(gk, { topic: e.topic, partition: e.partition, group: e.group, first: e.offset, last: e.offset, at: i });
      }
    }
  });
  if (facts === undefined) return undefined;
  const missed = [...reads.values()].sort((a, b) => b.at - a.at)[0];
  if (missed === undefined) return facts;
  const { topic, partition, ...m } = missed;
  return { topic, partition, start: start.get(tp(topic, partition))!, at: facts.at, missed: m };
}

const range = (label: string, from: number, count: number, note: string, verb: string, gone = false): ReadRange => ({
  label,
  from,
  to: from + count - 1,
  count,
  note,
  available: true,
  verb,
  ...(gone ? { gone: true } : {}),
});

/** The band's view of the facts, given the partition's log end offset now. */
export function retentionMoment(f: RetentionFacts, logEnd: number, last: boolean): MomentView {
  const where = `${f.topic}-${f.partition}`;
  const deleted = range('deleted by retention', 0, f.start, `offsets 0–${f.start - 1}`, 'deleted', true);
  const kept = range('still in the log', f.start, logEnd - f.start, `from offset ${f.start} to ${logEnd - 1}`, 'holds');
  const base = { kind: 'ranges' as const, size: Math.max(1, logEnd), unit: 'records' };
  if (f.missed === undefined)
    return {
      ...base,
      id: `retention:${where}`,
      live: last,
      title: `Retention: ${where} deleted offsets 0–${f.start - 1}; its log now starts at ${f.start}`,
      ranges: [deleted, kept],
    };
  const m = f.missed;
  return {
    ...base,
    id: `retention:${where}:${m.group}`,
    live: true,
    title: `Retention: ${m.group} read ${where} from its start, offset ${m.first}; offsets 0–${m.first - 1} were already deleted`,
    ranges: [
      deleted,
      range(`${m.group} read`, m.first, m.last - m.first + 1, `from offset ${m.first}, the oldest kept then`, 'read'),
      kept,
    ],
  };
}

/**
 * After compaction: the offsets the partition still holds (the last value of each key, and the
 * active segment) beside those the cleaner removed, one mark per offset — what compaction leaves
 * is not one run of offsets, and the log end does not move.
 */
export function compactionMoment(s: KafkaState, at: number): MomentView | undefined {
  const e = s.trace.entries[at];
  if (e?.type !== 'compacted') return undefined;
  const kept = kafkaRead
    .storedOffsets(s, e.topic, e.partition)
    .split(', ')
    .filter((x) => x !== '')
    .map(Number);
  const end = kafkaRead.logEnd(s, e.topic, e.partition);
  const start = kafkaRead.logStart(s, e.topic, e.partition);
  const keptSet = new Set(kept);
  const removed: number[] = [];
  for (let o = start; o < end; o++) if (!keptSet.has(o)) removed.push(o);
  const where = `${e.topic}-${e.partition}`;
  const cells = (label: string, offsets: number[], note: string, verb: string, gone = false): ReadRange => ({
    ...range(label, offsets[0] ?? start, offsets.length, note, verb, gone),
    to: offsets.at(-1) ?? start - 1,
    cells: offsets,
  });
  return {
    kind: 'ranges',
    id: `compaction:${where}:${at}`,
    live: at === s.trace.entries.length - 1,
    title: `Compaction: ${where} keeps the last value per key (${kept.length} of ${end - start}); log end still ${end}`,
    size: Math.max(1, end),
    unit: 'records',
    ranges: [
      cells('kept', kept, `offsets ${kept.join(', ')}`, 'holds'),
      cells('removed by the cleaner', removed, `offsets ${removed.join(', ')}: overwritten later`, 'removed', true),
    ],
  };
}
