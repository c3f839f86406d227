/**
 * Consumers: the poll loop, starting, heartbeats, crashing, restarting and closing. Membership
 * state is in consumer-assignment.ts, fetch requests in consumer-fetch.ts, processing in
 * consumer-process.ts (all below this file); the handlers that end in a poll are in
 * consumer-events.ts and consumer-leave.ts (above it).
 *
 * A consumer keeps one fetch per assigned partition in flight to the partition's leader; the
 * leader answers at once when there are records below the HW, or parks the fetch until the HW
 * moves (long polling). Fetched ranges are buffered as offset ranges, never copied records. A poll
 * returns up to max.poll.records; group events (a rebalance notice, a new assignment) are handled
 * at poll time, as the Java client does inside poll(), so a consumer busy with a slow batch delays
 * the rebalance. Processing takes `processingMs` per record; with 0 a whole batch is processed in
 * one task, which is what lets a million-record run finish quickly.
 *
 * Commit policies: `auto` commits positions at poll once the interval has passed (so only records
 * already processed); `after-process` commits after each batch; `before-process` commits as soon
 * as poll returns, so a crash mid-batch loses the rest of the batch for the group.
 */
import {
  applyAssignment,
  commitPositions,
  cooperative,
  dropAssignment,
  dropLostPartitions,
  sendJoin,
  stopOnFatalError,
} from './consumer-assignment.ts';
import { ensureFetches } from './consumer-fetch.ts';
import { processWholeBatch, takeBatch } from './consumer-process.ts';
import { sendToCoordinator } from './coordinator.ts';
import { emit } from './emit.ts';
import { onMemberCrashed } from './group.ts';
import { scheduleTask } from './network.ts';
import type { KafkaState } from './state.ts';
import { beginTransaction, commitConsumerBatch, initTransactions, producerDied, rollingBack } from './txn-coordinator.ts';

/** A consumer starts (first start, restart or added by a command): it joins its group. */
export function onConsumerStart(s: KafkaState, c: number, inc: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  const g = s.k.groups[con.group]!;
  con.phase = 'joining';
  // Read-process-write: a (re)started instance fences its previous one and aborts what it left open.
  if (con.txProd >= 0) initTransactions(s, con.txProd);
  emit(s, () => ({ type: 'consumer-started', atMs: s.nowMs, consumer: con.id, group: g.id }), 'consumer-started');
  con.nextHbMs = s.nowMs + g.heartbeatIntervalMs;
  scheduleTask(s, con.nextHbMs, { type: 'hb-timer', c, inc }, false);
  sendJoin(s, c);
}

/** The JoinGroup sent as `seq` got no answer in time: send it again, as the Java client does. */
export function onJoinTimeout(s: KafkaState, c: number, inc: number, seq: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || con.phase !== 'joining' || con.joinSeq !== seq || con.pendingAssignment !== null) return;
  sendJoin(s, c);
}

/** The heartbeat timer: one heartbeat to the coordinator, then the next timer. Background work. */
export function onHeartbeatTimer(s: KafkaState, c: number, inc: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  // An errored consumer out of its group never polls again: its heartbeat thread is done.
  if (con.phase === 'error' && con.generation < 0) return;
  const g = s.k.groups[con.group]!;
  // Out of the group until it rejoins (left, or fenced), it has no member to keep alive. While its
  // JoinGroup is unanswered the Java client sends no heartbeats either (the heartbeat thread runs
  // only once the group is joined, AbstractCoordinator.HeartbeatThread): the pending join keeps
  // the session. Once the assignment has arrived, it heartbeats again, even before its next poll.
  const awaitingJoin = con.phase === 'joining' && con.pendingAssignment === null;
  if (con.generation >= 0 && !awaitingJoin)
    sendToCoordinator(s, c, { type: 'hb', g: con.group, c, memberId: con.memberId }, false);
  con.nextHbMs = s.nowMs + g.heartbeatIntervalMs;
  scheduleTask(s, con.nextHbMs, { type: 'hb-timer', c, inc }, false);
}

/**
 * The poll boundary: apply group events, maybe auto-commit, take the next batch and process it.
 * With processingMs = 0 batches are processed here in a loop; the loop ends because each pass
 * consumes buffered records and fetching needs the network (a later task).
 */
export function poll(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  for (let guard = 0; guard < 1_000_000; guard++) {
    if (!con.alive || con.phase === 'error' || con.processing) return;
    con.lastPollMs = s.nowMs;
    // Fenced: poll() throws FencedInstanceIdException, and the consumer is done.
    if (con.fatalError !== null) return stopOnFatalError(s, c);
    if (con.pendingAssignment !== null) {
      applyAssignment(s, c);
      // A partition without an offset and auto.offset.reset=none puts the consumer in error.
      if ((con.phase as string) === 'error') return;
    }
    if (con.rejoinNeeded && con.phase !== 'joining') {
      if (g.commit.type === 'auto') commitPositions(s, c);
      if (con.generation < 0) dropLostPartitions(s, c);
      else if (!cooperative(g)) dropAssignment(s, c, true);
      sendJoin(s, c);
    }
    if (g.commit.type === 'auto' && s.nowMs - con.lastAutoCommitMs >= g.commit.intervalMs) {
      con.lastAutoCommitMs = s.nowMs;
      commitPositions(s, c);
    }
    if (!takeBatch(s, c)) {
      ensureFetches(s, c);
      scheduleAutoCommit(s, c);
      return;
    }
    ensureFetches(s, c);
    if (g.commit.type === 'before-process') commitPositions(s, c);
    if (con.txProd >= 0) beginTransaction(s, con.txProd);
    if (con.processingMs > 0) {
      con.processing = true;
      scheduleTask(s, s.nowMs + con.processingMs, { type: 'process', c, inc: con.inc }, true);
      // Kafka's heartbeat thread leaves the group when poll() is not called again within
      // max.poll.interval.ms, rebalance or not (AbstractCoordinator: "consumer poll timeout has
      // expired"). Background: it matters only if processing is still going on by then.
      scheduleTask(
        s,
        con.lastPollMs + s.k.tuning.maxPollIntervalMs,
        { type: 'poll-timeout', c, inc: con.inc, pollMs: con.lastPollMs },
        false,
      );
      return;
    }
    processWholeBatch(s, c);
    if (rollingBack(s, c)) {
      con.processing = true;
      return;
    }
    if (g.commit.type === 'after-process') commitPositions(s, c);
    // commitTransaction blocks the poll loop until the coordinator has ended it (txn-events.ts).
    if (con.txProd >= 0 && commitConsumerBatch(s, c)) {
      con.processing = true;
      return;
    }
  }
}

/**
 * An idle consumer keeps calling poll() in Kafka, so its auto-commit still happens on time. We
 * do not model empty polls; instead an idle consumer with uncommitted positions queues one timer
 * for when the interval is up.
 */
function scheduleAutoCommit(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  if (g.commit.type !== 'auto' || con.autoCommitQueued) return;
  let dirty = false;
  for (let a = 0; a < con.assigned.length; a++)
    if (con.pos[a]! >= 0 && g.committed[con.assigned[a]!] !== con.pos[a]) dirty = true;
  if (!dirty) return;
  con.autoCommitQueued = true;
  scheduleTask(s, con.lastAutoCommitMs + g.commit.intervalMs, { type: 'auto-commit', c, inc: con.inc }, true);
}

/** Crashes a consumer: it stops dead, without committing; the group notices at session timeout. */
export function crashConsumer(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  con.alive = false;
  con.phase = 'crashed';
  // The process dies with its producer: what it had not sent is gone, and a commit still
  // waiting for its flush never reaches the coordinator (the transaction stays open).
  if (con.txProd >= 0) producerDied(s, con.txProd);
  con.processing = false;
  con.batch = [];
  con.batchRecs = [];
  con.pendingAssignment = null;
  dropAssignment(s, c, false);
  emit(
    s,
    () => ({
      type: 'consumer-crashed',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      sessionTimeoutMs: g.sessionTimeoutMs,
      correlationId: g.id,
    }),
    'consumer-crashed',
  );
  onMemberCrashed(s, con.group, con.memberId);
}

/** Restarts a crashed consumer as a new incarnation (a static member keeps its instance id). */
export function restartConsumer(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  con.inc++;
  con.alive = true;
  con.phase = 'idle';
  con.memberId = `${con.id}#${con.inc}`;
  con.generation = 0;
  con.rejoinNeeded = false;
  con.errorMessage = null;
  con.fatalError = null;
  emit(s, () => ({ type: 'consumer-restarted', atMs: s.nowMs, consumer: con.id, group: g.id }), 'consumer-restarted');
  scheduleTask(s, s.nowMs, { type: 'consumer-start', c, inc: con.inc }, true);
}

/** Closes a consumer cleanly: commit (auto), leave the group (dynamic members only, as Kafka). */
export function closeConsumer(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  if (con.alive && g.commit.type === 'auto') commitPositions(s, c);
  if (con.alive && con.instanceId === null)
    sendToCoordinator(s, c, { type: 'leave', g: con.group, memberId: con.memberId, reason: 'left' });
  con.alive = false;
  con.phase = 'left';
  con.processing = false;
  dropAssignment(s, c, false);
  emit(s, () => ({ type: 'consumer-left', atMs: s.nowMs, consumer: con.id, group: g.id }), 'consumer-left');
  if (con.instanceId !== null) onMemberCrashed(s, con.group, con.memberId);
}
