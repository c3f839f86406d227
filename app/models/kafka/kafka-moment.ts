/**
 * Kafka's key moments, for the band under the topology, read from the trace and the summary:
 *
 * - replay: a group's offsets were reset — per partition, the committed offset before the reset
 *   (its last commit), where the reset put it, and where it is now as the records are consumed
 *   again;
 * - fan-out: the newest record appended to a topic that two or more groups read, and its copy at
 *   each group (waiting, fetched, processed), every copy carrying the record's own label.
 *
 * - retention and compaction (cleaner-moment.ts): what retention deleted, beside what a group
 *   that came later could still read; what compaction kept, beside what it removed.
 *
 * A reset newer than the newest record wins: it is the rarer thing, and what the step is about.
 * Retention wins while records still flow into the topic a late group found cut short, or when its
 * deletion is the newest of the three.
 */
import type { KafkaState, KafkaSummary } from '../../../simulator/index.ts';
import type { Copy, MomentView, PointerRow } from '../../workbench/moment.ts';
import { compactionMoment, retentionFacts, retentionMoment } from './cleaner-moment.ts';

type Entry = KafkaState['trace']['entries'][number];
const rowsMax = 4;

function lastIndex(entries: readonly Entry[], type: Entry['type']): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.type === type) return i;
  return -1;
}

function replayMoment(s: KafkaState, sum: KafkaSummary, at: number): MomentView | undefined {
  const e = s.trace.entries[at];
  if (e?.type !== 'offsets-reset') return undefined;
  const group = sum.groups.find((g) => g.group === e.group);
  const rows: PointerRow[] = [];
  for (const [partition, to] of e.offsets.entries()) {
    if (rows.length >= rowsMax) break;
    const p = sum.partitions.find((x) => x.topic === e.topic && x.partition === partition);
    if (!p) continue;
    let from = to;
    for (let i = at - 1; i >= 0; i--) {
      const c = s.trace.entries[i]!;
      if (c.type === 'offset-committed' && c.group === e.group && c.topic === e.topic && c.partition === partition) {
        from = c.offset;
        break;
      }
    }
    const committed = group?.partitions.find((gp) => gp.topic === e.topic && gp.partition === partition)?.committed;
    rows.push({ label: `${e.topic}-${partition}`, start: p.logStartOffset, end: p.logEndOffset, from, to, now: committed ?? to });
  }
  if (rows.length === 0) return undefined;
  const catching = rows.some((r) => r.now < Math.max(r.from, r.end));
  const first = rows[0]!;
  return {
    kind: 'pointer',
    id: `reset:${e.group}:${e.id}`,
    live: catching || at === s.trace.entries.length - 1,
    title: `Replay: ${e.group} reset to ${e.to} — committed offset ${first.from} → ${first.to}, then consumed again`,
    pointer: 'committed',
    rows,
  };
}

function fanOutMoment(s: KafkaState, at: number): MomentView | undefined {
  const entries = s.trace.entries;
  const e = entries[at];
  if (e?.type !== 'record-appended') return undefined;
  const topic = s.k.topics.findLastIndex((t) => t.name === e.topic);
  const groups = s.k.groups.filter((g) => g.topics.includes(topic));
  if (groups.length < 2) return undefined;
  const state = new Map<string, Copy>(groups.map((g) => [g.id, { to: g.id, word: 'waiting', tone: 'idle' }]));
  for (let i = at + 1; i < entries.length; i++) {
    const x = entries[i]!;
    if (x.type === 'records-fetched' && x.topic === e.topic && x.partition === e.partition) {
      const c = state.get(x.group);
      if (c && c.tone === 'idle' && x.fromOffset <= e.offset && e.offset < x.toOffset)
        state.set(x.group, { ...c, word: 'fetched', tone: 'busy' });
    } else if (x.type === 'record-processed' && x.recordId === e.recordId) {
      const c = state.get(x.group);
      if (c) state.set(x.group, { ...c, word: 'processed', tone: 'ok' });
    }
  }
  const copies = [...state.values()];

  return {
    kind: 'copies',
    id: `fan-out:${e.recordId}`,
    live: copies.some((c) => c.tone !== 'ok'),
    title: `Fan-out: 1 record, stored once, copied to each of the ${copies.length} groups`,
    item: e.key ?? e.recordId,
    where: `${e.topic}-${e.partition} @${e.offset}`,
    copies,
  };
}

export function kafkaMoment(s: KafkaState, sum: KafkaSummary): MomentView | undefined {
  const entries = s.trace.entries;
  const reset = lastIndex(entries, 'offsets-reset');
  const appended = lastIndex(entries, 'record-appended');
  const compacted = lastIndex(entries, 'compacted');
  if (compacted > Math.max(reset, appended)) return compactionMoment(s, compacted);
  // Whether the newest record (if any) went to this topic.
  const newest = entries[appended];
  const newestIsOn = (topic: string): boolean => newest?.type !== 'record-appended' || newest.topic === topic;
  const retention = retentionFacts(entries);
  if (retention !== undefined) {
    const missed = retention.missed !== undefined && retention.missed.at > reset && newestIsOn(retention.topic);
    if (missed || (retention.at > appended && retention.at > reset)) {
      const p = sum.partitions.find((x) => x.topic === retention.topic && x.partition === retention.partition);
      return retentionMoment(retention, p?.logEndOffset ?? retention.start, retention.at === entries.length - 1);
    }
  }
  if (reset > appended) return replayMoment(s, sum, reset);
  // A reset older than the newest record still draws while records flow into the topic it reset
  // (the group consuming again); not once another topic is what is being written.
  const resetEntry = reset >= 0 ? entries[reset] : undefined;
  const replaying = resetEntry?.type === 'offsets-reset' && newestIsOn(resetEntry.topic);
  return fanOutMoment(s, appended) ?? (replaying ? replayMoment(s, sum, reset) : undefined);
}

/**
 * For each group's latest offset reset that moved a partition's committed offset back, where it was
 * before (its last commit): keyed `group`, `topic`, `partition` joined by NUL. One walk back over
 * the trace; commits after a reset are met before it and ignored, as are older resets.
 */
export function resetJumps(s: KafkaState): Map<string, { from: number; to: number }> {
  const entries = s.trace.entries;
  const seen = new Set<string>();
  const pending = new Map<string, number>();
  const out = new Map<string, { from: number; to: number }>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.type === 'offsets-reset') {
      const gt = `${e.group}\u0000${e.topic}`;
      if (seen.has(gt)) continue;
      seen.add(gt);
      e.offsets.forEach((to, partition) => pending.set(`${gt}\u0000${partition}`, to));
    } else if (e.type === 'offset-committed' && pending.size > 0) {
      const k = `${e.group}\u0000${e.topic}\u0000${e.partition}`;
      const to = pending.get(k);
      if (to === undefined) continue;
      pending.delete(k);
      if (to < e.offset) out.set(k, { from: e.offset, to });
    }
  }
  return out;
}
