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
import { appProducer, produceCopy } from './app-produce.ts';
import { pausePartition } from './consumer-pause.ts';
import { emit, partRef, recordRef } from './emit.ts';
import { lookup } from './names.ts';
import type { KafkaState } from './state.ts';
import { endTransaction } from './txn-coordinator.ts';

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
      produceCopy(s, appProducer(s, c, app.prod), rts[next]!, rn, failureHeaders(s, pid, offset, f, retryAtMs));
      app.sentToRetryTopic++;
    }
  }
  if (action === 'skip') {
    const dlt = app.dlt[ti]!;
    if (dlt >= 0) {
      action = 'dead-letter';
      toTopic = s.k.topics[dlt]!.name;
      produceCopy(s, appProducer(s, c, app.prod), dlt, rn, failureHeaders(s, pid, offset, f, null));
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
  if (con.txProd >= 0) return rollBackBatch(s, c, pid, offset, retryAtMs!);
  pausePartition(s, c, pid, offset, retryAtMs!, 'retry-backoff');
  return 'paused';
}

/**
 * Under the `transaction` policy a failure rolls the batch back, as a transactional listener
 * container does: the transaction is aborted (so the output of the records already handled is
 * never visible to read_committed readers), every partition of the batch goes back to the offset the last
 * transaction committed (the batch's first offsets), and the failing one pauses for the backoff. The consumer waits for the
 * abort to end before it polls again (txn-events.ts).
 */
function rollBackBatch(s: KafkaState, c: number, pid: number, offset: number, retryAtMs: number): HandleOutcome {
  const con = s.k.consumers[c]!;
  endTransaction(s, con.txProd, false);
  // Back to where this batch began on each of its partitions: what the last transaction committed.
  let from = offset;
  for (let i = 0; i < con.batch.length; i += 3) {
    const a = con.assigned.indexOf(con.batch[i]!);
    if (a >= 0) con.pos[a] = con.batch[i + 1]!;
    if (con.batch[i] === pid) from = con.batch[i + 1]!;
  }
  for (let a = 0; a < con.assigned.length; a++) con.fetching[a] = 0;
  con.buf = [];
  con.bufRecs = [];
  con.batch = [];
  con.batchRecs = [];
  pausePartition(s, c, pid, from, retryAtMs, 'retry-backoff');
  return 'stopped';
}
