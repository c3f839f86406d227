/**
 * What a consumer does when something arrives or a timer fires: a rebalance notice, an
 * assignment, a fetch response, the end of a record's processing, the auto-commit timer. Each ends
 * at the poll boundary (poll() in consumer.ts), as the Java client handles group events and
 * returns records inside poll(); kept apart from consumer.ts so that the poll loop and the
 * modules below it never import back up.
 */
import { commitPositions, resetPosition } from './consumer-assignment.ts';
import { ensureFetches } from './consumer-fetch.ts';
import { unpause } from './consumer-pause.ts';
import { processNext } from './consumer-process.ts';
import type { RecordHost } from './handler.ts';
import { poll } from './consumer.ts';
import { emit, partRef } from './emit.ts';
import { scheduleTask } from './network.ts';
import { commitConsumerBatch, rollingBack } from './txn-coordinator.ts';
import type { KafkaState } from './state.ts';

/** The coordinator said a rebalance is in progress: rejoin at the next poll. */
export function onRebalanceNotice(s: KafkaState, c: number, inc: number, generation: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || con.phase === 'joining' || con.generation > generation) return;
  // Heard already (every heartbeat of a rebalance repeats it): the poll timer is running.
  if (con.rejoinNeeded && con.processing) return;
  con.rejoinNeeded = true;
  if (con.processing) {
    scheduleTask(
      s,
      con.lastPollMs + s.k.tuning.maxPollIntervalMs,
      { type: 'poll-timeout', c, inc, pollMs: con.lastPollMs },
      true,
    );
  } else poll(s, c);
}

/** An assignment arrives; it is applied at the next poll. */
export function onAssignment(s: KafkaState, c: number, inc: number, generation: number, pids: number[]): void {
  const con = s.k.consumers[c]!;
  // 'idle': it left the group since it joined, so this answer is for a member that is gone.
  if (con.inc !== inc || !con.alive || con.phase === 'idle' || generation < con.generation) return;
  con.pendingAssignment = { generation, pids };
  if (!con.processing) poll(s, c);
}

/** A paused partition's time is up (consumer-pause.ts): fetch it again. */
export function onResume(s: KafkaState, c: number, inc: number, pid: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || !unpause(con, pid)) return;
  ensureFetches(s, c);
  if (!con.processing) poll(s, c);
}

/** The auto-commit timer of an idle consumer. */
export function onAutoCommit(s: KafkaState, c: number, inc: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc) return;
  con.autoCommitQueued = false;
  if (con.alive && !con.processing) poll(s, c);
}

/** A fetch response reaches the consumer. */
export function onFetchResponse(
  s: KafkaState,
  c: number,
  inc: number,
  pid: number,
  from: number,
  to: number,
  error: string | null,
  epoch: number,
  recs: number[] | null,
): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  const a = con.assigned.indexOf(pid);
  if (a < 0) return;
  con.fetching[a] = 0;
  if (con.pos[a] !== from) return ensureFetches(s, c);
  if (error === 'OFFSET_OUT_OF_RANGE') {
    resetPosition(s, c, pid, `offset ${from} is out of range`, from);
    return ensureFetches(s, c);
  }
  if (error !== null) {
    con.fetching[a] = 1;
    scheduleTask(s, s.nowMs + s.k.tuning.retryBackoffMs, { type: 'fetch-retry', c, inc, pid }, true);
    return;
  }
  if (to <= from) return ensureFetches(s, c);
  con.buf.push(pid, from, to);
  con.bufRecs.push(recs);
  con.posEpoch[a] = epoch;
  const g = s.k.groups[con.group]!;
  emit(
    s,
    () => ({
      type: 'records-fetched',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      ...partRef(s, pid),
      fromOffset: from,
      toOffset: to,
    }),
    'records-fetched',
  );
  if (!con.processing) poll(s, c);
}

/** One record's processing time is over (processingMs > 0). */
export function onProcess(s: KafkaState, c: number, inc: number, host?: RecordHost): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || !con.processing) return;
  const g = s.k.groups[con.group]!;
  const more = processNext(s, c, host);
  // The handler crashed the consumer: nothing more happens in this task, nothing is committed.
  if (con.inc !== inc || !con.alive) return;
  // A failure rolled the batch's transaction back: wait for the abort to end (txn-events.ts).
  if (rollingBack(s, c)) return;
  if (more) {
    scheduleTask(s, s.nowMs + con.processingMs, { type: 'process', c, inc }, true);
    return;
  }
  con.batch = [];
  con.batchRecs = [];
  // Read-process-write: the batch's transaction commits; the poll loop waits for it (txn-events.ts).
  if (con.txProd >= 0 && commitConsumerBatch(s, c)) return;
  con.processing = false;
  if (g.commit.type === 'after-process') commitPositions(s, c);
  poll(s, c);
}
