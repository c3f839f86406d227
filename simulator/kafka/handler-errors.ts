/**
 * What happens when a handler throws, by the group's error policy. This is a pattern built from
 * Kafka's parts — pause, seek, produce — as Spring Kafka's DefaultErrorHandler and retry topics
 * build it, not something the broker does:
 *
 * - `blocking`: retry in place. The partition is paused for the backoff (exponential when
 *   `multiplier` > 1) and the record fetched again, so that partition stalls and its lag grows
 *   while the others flow.
 * - `retry-topics`: the record is produced to the next retry topic with headers saying where it
 *   came from and when it is due, and the partition moves on at once. Ordering per key is lost: a
 *   later record of the same key can take effect first.
 * - after the last attempt (or at once with `skip`): to `<topic>-dlt` with headers saying why, or,
 *   without a dead-letter topic, dropped (logged; its effect never happens).
 */
import { Header, type HandleOutcome, type RecordHeaders } from './app-state.ts';
import { produceCopy } from './app-produce.ts';
import { pausePartition } from './consumer-pause.ts';
import { emit, partRef, recordRef } from './emit.ts';
import { lookup } from './names.ts';
import type { KafkaState } from './state.ts';

export interface Failure {
  origin: string;
  attempt: number;
  error: string;
  hdr: RecordHeaders | undefined;
}

type Action = 'retry-in-place' | 'retry-topic' | 'dead-letter' | 'skip';

/** The wait before blocking retry n (1-based): backoff × multiplier^(n−1), at most maxBackoffMs. */
export function blockingBackoffMs(backoffMs: number, multiplier: number, maxBackoffMs: number | undefined, n: number): number {
  const ms = Math.round(backoffMs * Math.pow(multiplier, n - 1));
  return maxBackoffMs === undefined ? ms : Math.min(ms, maxBackoffMs);
}

/** The headers of a retried or dead-lettered copy: where the record came from and why it failed. */
function failureHeaders(s: KafkaState, pid: number, offset: number, f: Failure, dueAtMs: number | null): RecordHeaders {
  const r = partRef(s, pid);
  const from = f.hdr !== undefined && f.hdr[Header.originalTopic] !== undefined;
  const h: RecordHeaders = {
    [Header.originalTopic]: from ? f.hdr![Header.originalTopic]! : r.topic,
    [Header.originalPartition]: from ? f.hdr![Header.originalPartition]! : String(r.partition),
    [Header.originalOffset]: from ? f.hdr![Header.originalOffset]! : String(offset),
    [Header.exception]: f.error,
    [Header.attempts]: String(f.attempt),
  };
  if (dueAtMs !== null) h[Header.dueAtMs] = String(dueAtMs);
  return h;
}

/** Applies the error policy to a failed record. */
export function onHandlerError(s: KafkaState, c: number, pid: number, offset: number, rn: number, f: Failure): HandleOutcome {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const app = g.app!;
  const policy = app.onError;
  const ti = s.k.parts[pid]!.topic;
  app.failures++;
  let action: Action = 'skip';
  let retryAtMs: number | null = null;
  let toTopic: string | null = null;
  if (policy.type === 'blocking' && f.attempt < policy.maxAttempts) {
    action = 'retry-in-place';
    retryAtMs = s.nowMs + blockingBackoffMs(policy.backoffMs, policy.multiplier ?? 1, policy.maxBackoffMs, f.attempt);
    app.retriedInPlace++;
  } else if (policy.type === 'retry-topics') {
    const ri = app.retryIndex[ti]!;
    const source = ri >= 0 ? lookup(s.k.topicIndex, f.hdr?.[Header.originalTopic] ?? '') : ti;
    const rts = source === undefined ? null : app.retryTopics[source]!;
    const next = ri + 1;
    if (rts !== null && next < rts.length) {
      action = 'retry-topic';
      retryAtMs = s.nowMs + policy.delaysMs[next]!;
      toTopic = s.k.topics[rts[next]!]!.name;
      produceCopy(s, app.prod, rts[next]!, rn, failureHeaders(s, pid, offset, f, retryAtMs));
      app.sentToRetryTopic++;
    }
  }
  if (action === 'skip') {
    const dlt = app.dlt[ti]!;
    if (dlt >= 0) {
      action = 'dead-letter';
      toTopic = s.k.topics[dlt]!.name;
      produceCopy(s, app.prod, dlt, rn, failureHeaders(s, pid, offset, f, null));
      app.deadLettered++;
    } else app.dropped++;
  }
  emit(
    s,
    () => ({
      ...recordRef(s, pid, rn),
      type: 'record-handler-failed',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      offset,
      origin: f.origin,
      attempt: f.attempt,
      error: f.error,
      action,
      retryAtMs,
      toTopic,
    }),
    'record-handler-failed',
  );
  if (action !== 'retry-in-place') return 'done';
  pausePartition(s, c, pid, offset, retryAtMs!, 'retry-backoff');
  return 'paused';
}
