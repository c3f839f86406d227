/**
 * What a group's application has done, as the workbench shows it while the run goes on: its commit
 * policy and handler in words, every record of its source topics sorted into effect once, effect
 * more than once (duplicates), waiting in the dead-letter topic, lost (the group committed past it
 * and its effect never happened) or not handled yet; retries, dead letters, external calls and
 * records overtaken by a retry. Plain data, read from the state; it changes nothing.
 */
import { Header, type AppState } from './app-state.ts';
import { offsetAtIndex } from './log.ts';
import { lookup } from './names.ts';
import { readLog } from './partition.ts';
import type { CommitPolicy, ErrorPolicy, HandlerStep } from './scenario/types.ts';
import type { GroupState, KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';
import { TxnFlag } from './txn-state.ts';

export interface KafkaAppView {
  group: string;
  commit: CommitPolicy['type'];
  /** The handler's steps and error policy in words. */
  handler: string;
  onError: string;
  /** Whether the handler still has a step that fails (a fix can be deployed). */
  failing: boolean;
  effectOnce: number;
  /** Records whose effect happened more than once. */
  repeated: number;
  /** Extra effects beyond the first, summed over records. */
  duplicates: number;
  /** Records the group committed past whose effect never happened (dead letters excluded). */
  lost: number;
  /** Records not yet handled (not committed past, no effect yet). */
  pending: number;
  /** Records waiting in a dead-letter topic whose effect has not happened. */
  parked: number;
  failures: number;
  retriedInPlace: number;
  sentToRetryTopics: number;
  deadLettered: number;
  dropped: number;
  /** Records a dedup step skipped as already applied. */
  deduped: number;
  overtaken: string[];
  calls: Array<{ name: string; count: number }>;
  /** Source topic → its dead-letter topic and how many records that holds, for a replay. */
  deadLetterTopics: Array<{ topic: string; dlt: string; held: number }>;
}

function stepText(x: HandlerStep): string {
  switch (x.type) {
    case 'store':
      return x.op === 'increment' ? 'count in its store' : 'write its store';
    case 'dedup':
      return `skip event ids seen in the last ${x.retentionMs} ms`;
    case 'produce':
      return `produce to ${x.topic}`;
    case 'side-effect':
      return `call ${x.name}`;
    case 'fail':
      if (x.when.type === 'key') return `fail on key ${x.when.key}`;
      if (x.when.type === 'always') return 'fail always';
      if (x.when.type === 'record') return `fail on ${x.when.topic ?? 'its topic'}-${x.when.partition}@${x.when.offset}`;
      return `fail the first ${x.when.attempts} attempt(s)`;
  }
}

function errorText(e: ErrorPolicy): string {
  const dlt = e.deadLetter === true ? ', then the dead-letter topic' : ', then give up';
  if (e.type === 'blocking')
    return `retry in place up to ${e.maxAttempts} attempts, backoff ${e.backoffMs} ms${e.multiplier ? ` ×${e.multiplier}` : ''}${dlt}`;
  if (e.type === 'retry-topics') return `retry topics after ${e.delaysMs.map((d) => `${d} ms`).join(', ')}${dlt}`;
  return e.deadLetter === true ? 'no retry: to the dead-letter topic' : 'no retry: skip the record';
}

/** Origins (`topic-p@offset`) held by a topic below its HW, read from the copies' headers. */
function originsIn(s: KafkaState, ti: number, into: Set<string>): number {
  const t = s.k.topics[ti]!;
  let n = 0;
  for (let p = 0; p < t.partitions; p++) {
    const log = readLog(s.k.parts[pidOf(t, p)]!);
    for (let i = log.head; i < log.rns.length && offsetAtIndex(log, i) < log.hw; i++) {
      n++;
      const h = lookup(s.k.headers, String(log.rns[i]!));
      const topic = h?.[Header.originalTopic];
      if (topic !== undefined) into.add(`${topic}-${h![Header.originalPartition]}@${h![Header.originalOffset]}`);
    }
  }
  return n;
}

function appView(s: KafkaState, g: GroupState, a: AppState): KafkaAppView {
  const parkedOrigins = new Set<string>();
  const deadLetterTopics: KafkaAppView['deadLetterTopics'] = [];
  const v: KafkaAppView = {
    group: g.id,
    commit: g.commit.type,
    handler: a.steps.map(stepText).join(', ') || 'nothing',
    onError: errorText(a.onError),
    failing: a.steps.some((x) => x.type === 'fail'),
    effectOnce: 0,
    repeated: 0,
    duplicates: 0,
    lost: 0,
    pending: 0,
    parked: 0,
    failures: a.failures,
    retriedInPlace: a.retriedInPlace,
    sentToRetryTopics: a.sentToRetryTopic,
    deadLettered: a.deadLettered,
    dropped: a.dropped,
    deduped: a.deduped,
    overtaken: a.overtaken.slice(-5),
    calls: Object.entries(a.calls).map(([name, count]) => ({ name, count })),
    deadLetterTopics,
  };
  for (const ti of g.topics) {
    if (a.retryIndex[ti]! >= 0) continue;
    const dlt = a.dlt[ti]!;
    if (dlt >= 0) {
      const held = originsIn(s, dlt, parkedOrigins);
      deadLetterTopics.push({ topic: s.k.topics[ti]!.name, dlt: s.k.topics[dlt]!.name, held });
    }
  }
  for (const ti of g.topics) {
    if (a.retryIndex[ti]! >= 0) continue;
    const t = s.k.topics[ti]!;
    for (let p = 0; p < t.partitions; p++) {
      const pid = pidOf(t, p);
      const log = readLog(s.k.parts[pid]!);
      const committed = g.committed[pid] ?? 0;
      for (let i = log.head; i < log.rns.length; i++) {
        const o = offsetAtIndex(log, i);
        if (o >= log.hw) break;
        const rn = log.rns[i]!;
        if ((s.k.rec.st[rn]! & (TxnFlag.Marker | TxnFlag.Aborted)) !== 0) continue;
        // A replayed dead letter is a copy: its effect counts for its origin.
        if (lookup(s.k.headers, String(rn))?.[Header.originalTopic] !== undefined) continue;
        const origin = `${t.name}-${p}@${o}`;
        const n = lookup(a.effects, origin) ?? 0;
        if (n >= 1) {
          if (n === 1) v.effectOnce++;
          else v.repeated++;
          v.duplicates += n - 1;
        } else if (parkedOrigins.has(origin)) v.parked++;
        else if (lookup(a.skipped, origin) !== undefined) continue;
        else if (o < committed) v.lost++;
        else v.pending++;
      }
    }
  }
  return v;
}

/** Every group with a handler, in group order. */
export function kafkaAppsView(s: KafkaState): KafkaAppView[] {
  const out: KafkaAppView[] = [];
  for (const g of s.k.groups) if (g.app !== null) out.push(appView(s, g, g.app));
  return out;
}

/**
 * One short line for a group's card: its external calls and its store (up to 2 values, else its row count), so a
 * duplicate SMS or a balance counted twice shows in the picture. '' for a group without a handler.
 */
export function kafkaAppCardLine(s: KafkaState, group: string): string {
  const gi = lookup(s.k.groupIndex, group);
  const a = gi === undefined ? null : s.k.groups[gi]!.app;
  if (a === null) return '';
  const parts = Object.entries(a.calls).map(([name, n]) => `${name} ${n}`);
  if (a.deduped > 0) parts.push(`skipped ${a.deduped}`);
  // A value or two reads at a glance (a balance); a table of many rows reads as its size.
  const keys = Object.keys(a.store);
  if (keys.length > 2) parts.push(`${keys.length} rows`);
  else
    for (const k of keys) {
      const v = a.store[k];
      parts.push(`${k} = ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    }
  return parts.join(' · ');
}
