/**
 * Reading what a group's application did (app-state.ts), for lessons' claims and tests: how often
 * each record's effect happened, external calls made, duplicates and losses, the store, retries,
 * dead letters and the records a retry let a later one overtake. A record is named by its origin,
 * `topic-partition@offset`. Losses are counted against what the source topics hold below the high
 * watermark now, so read them once the run is over.
 */
import type { AppState } from './app-state.ts';
import { Header } from './app-state.ts';
import { offsetAtIndex } from './log.ts';
import { lookup } from './names.ts';
import { readLog } from './partition.ts';
import type { KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';

function app(s: KafkaState, group: string): AppState {
  const g = lookup(s.k.groupIndex, group);
  const a = g === undefined ? null : s.k.groups[g]!.app;
  if (a === null) throw new Error(`group ${group} has no handler`);
  return a;
}

/** Origins of every record the group's source topics hold below the HW (retry topics excluded). */
function sourceOrigins(s: KafkaState, group: string): string[] {
  const g = s.k.groups[lookup(s.k.groupIndex, group)!]!;
  const a = g.app!;
  const out: string[] = [];
  for (const ti of g.topics) {
    if (a.retryIndex[ti]! >= 0) continue;
    const t = s.k.topics[ti]!;
    for (let p = 0; p < t.partitions; p++) {
      const log = readLog(s.k.parts[pidOf(t, p)]!);
      for (let i = log.head; i < log.rns.length; i++) {
        const o = offsetAtIndex(log, i);
        if (o >= log.hw) break;
        // A replayed dead letter is a copy: its effect counts for its origin.
        if (lookup(s.k.headers, String(log.rns[i]!))?.[Header.originalTopic] !== undefined) continue;
        out.push(`${t.name}-${p}@${o}`);
      }
    }
  }
  return out;
}

/** Reading helpers for a group's application. */
export const kafkaAppRead = {
  /** How many times the handler ran to its end for a record (`orders-0@3`). */
  effectsOf: (s: KafkaState, group: string, origin: string): number => lookup(app(s, group).effects, origin) ?? 0,
  /** Handler attempts for a record, failed ones included. */
  attemptsOf: (s: KafkaState, group: string, origin: string): number => lookup(app(s, group).attempts, origin) ?? 0,
  /** Calls to an external system (`send-sms`). */
  calls: (s: KafkaState, group: string, name: string): number => lookup(app(s, group).calls, name) ?? 0,
  /** Extra effects: for every record, the times its effect happened beyond the first. */
  duplicates: (s: KafkaState, group: string): number => {
    let n = 0;
    for (const v of Object.values(app(s, group).effects)) if (v > 1) n += v - 1;
    return n;
  },
  /** Records of the source topics (below the HW) whose effect never happened. */
  losses: (s: KafkaState, group: string): number => {
    const a = app(s, group);
    return sourceOrigins(s, group).filter((o) => (lookup(a.effects, o) ?? 0) === 0).length;
  },
  /** Records whose effect happened exactly once. */
  exactlyOnce: (s: KafkaState, group: string): number => {
    const a = app(s, group);
    return sourceOrigins(s, group).filter((o) => lookup(a.effects, o) === 1).length;
  },
  /** A value in the service's store, as JSON text ('' when absent). */
  storeValue: (s: KafkaState, group: string, key: string): string => {
    const v = lookup(app(s, group).store, key);
    return v === undefined ? '' : JSON.stringify(v);
  },
  failures: (s: KafkaState, group: string): number => app(s, group).failures,
  /** Records a dedup step skipped as already applied. */
  deduped: (s: KafkaState, group: string): number => app(s, group).deduped,
  /** Rows in the service's store. */
  storeRows: (s: KafkaState, group: string): number => Object.keys(app(s, group).store).length,
  retriedInPlace: (s: KafkaState, group: string): number => app(s, group).retriedInPlace,
  sentToRetryTopics: (s: KafkaState, group: string): number => app(s, group).sentToRetryTopic,
  deadLettered: (s: KafkaState, group: string): number => app(s, group).deadLettered,
  /** Failed records given up without a dead-letter topic. */
  dropped: (s: KafkaState, group: string): number => app(s, group).dropped,
  /** Records whose effect came after a later record of the same key and partition (a retry's ordering cost), as `orders-0@3, …`. */
  overtaken: (s: KafkaState, group: string): string => app(s, group).overtaken.join(', '),
  /** The headers of the records a topic holds below its HW, oldest first (a dead-letter topic's "why"). */
  headersIn: (s: KafkaState, topic: string): Array<Record<string, string>> => {
    const ti = lookup(s.k.topicIndex, topic);
    if (ti === undefined) throw new Error(`no topic ${topic}`);
    const t = s.k.topics[ti]!;
    const out: Array<Record<string, string>> = [];
    for (let p = 0; p < t.partitions; p++) {
      const log = readLog(s.k.parts[pidOf(t, p)]!);
      for (let i = log.head; i < log.rns.length && offsetAtIndex(log, i) < log.hw; i++)
        out.push({ ...(lookup(s.k.headers, String(log.rns[i]!)) ?? {}) });
    }
    return out;
  },
};
