/**
 * Consumers: fetching below the high watermark, the poll loop, processing time, commits.
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
import { countInRange } from './log.ts';
import { emit, partName, partRef, scheduleTask } from './net.ts';
import { groupIsActive, onMemberCrashed, scheduleSessionCheck, sendToCoordinator } from './group.ts';
import { readLog } from './replication.ts';
import type { GroupState, KafkaState } from './state.ts';
import { ensureFetches } from './consumer-fetch.ts';
import { processWholeBatch, takeBatch } from './consumer-process.ts';
import { commitOutOfGroup, dropLostPartitions, pollLoopStopped, stopOnFatalError } from './consumer-leave.ts';

function cooperative(g: GroupState): boolean {
  return g.assignor === 'cooperative-sticky';
}

/** A consumer starts (first start, restart or added by a command): it joins its group. */
export function onConsumerStart(s: KafkaState, c: number, inc: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  const g = s.k.groups[con.group]!;
  con.phase = 'joining';
  emit(s, () => ({ type: 'consumer-started', atMs: s.nowMs, consumer: con.id, group: g.id }), 'consumer-started');
  con.nextHbMs = s.nowMs + g.heartbeatIntervalMs;
  scheduleTask(s, con.nextHbMs, { type: 'hb-timer', c, inc }, false);
  sendJoin(s, c);
}

export function sendJoin(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  con.phase = 'joining';
  con.rejoinNeeded = false;
  const owned = cooperative(g) ? [...con.assigned] : [...con.prevOwned];
  const task = {
    type: 'join' as const,
    g: con.group,
    c,
    inc: con.inc,
    memberId: con.memberId,
    owned,
    ownedGeneration: con.generation > 0 ? con.generation : -1,
    fresh: con.generation <= 0,
  };
  // The client's JoinGroup times out after the rebalance timeout plus 5 s (AbstractCoordinator's
  // JOIN_GROUP_TIMEOUT_LAPSE) and is sent again. Background: it matters only if the answer is lost.
  con.joinSeq++;
  const joinTimeoutMs = Math.max(s.k.tuning.requestTimeoutMs, s.k.tuning.maxPollIntervalMs + 5000);
  scheduleTask(s, s.nowMs + joinTimeoutMs, { type: 'join-timeout', c, inc: con.inc, seq: con.joinSeq }, false);
  if (!sendToCoordinator(s, c, task)) {
    // No coordinator reachable: try again later (FindCoordinator retries in Kafka).
    con.rejoinNeeded = true;
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'fetch-retry', c, inc: con.inc, pid: -1 }, false);
  }
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
  // Out of the group until it rejoins (left, or fenced), it has no member to keep alive.
  if (con.generation >= 0) sendToCoordinator(s, c, { type: 'hb', g: con.group, c, memberId: con.memberId }, false);
  con.nextHbMs = s.nowMs + g.heartbeatIntervalMs;
  scheduleTask(s, con.nextHbMs, { type: 'hb-timer', c, inc }, false);
}

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

function applyAssignment(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const a = con.pendingAssignment!;
  con.pendingAssignment = null;
  const g = s.k.groups[con.group]!;
  con.generation = a.generation;
  con.phase = 'stable';
  const revoked = con.assigned.filter((pid) => !a.pids.includes(pid));
  if (revoked.length > 0) revoke(s, c, revoked);
  const added = a.pids.filter((pid) => !con.assigned.includes(pid));
  for (const pid of added) {
    con.assigned.push(pid);
    con.pos.push(-1);
    con.posEpoch.push(-1);
    con.fetching.push(0);
  }
  emit(
    s,
    () => ({
      type: 'partitions-assigned',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      generation: a.generation,
      partitions: a.pids.map((p) => partName(s, p)),
    }),
    'partitions-assigned',
  );
  for (const pid of added) initPosition(s, c, pid);
  con.prevOwned = [...con.assigned];
  // Cooperative: partitions we gave up must be free before anyone gets them: a second round.
  if (cooperative(g) && revoked.length > 0) con.rejoinNeeded = true;
}

/** Sets the starting position of a newly assigned partition: committed offset, else auto.offset.reset. */
function initPosition(s: KafkaState, c: number, pid: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const committed = g.committed[pid] ?? null;
  const a = con.assigned.indexOf(pid);
  if (committed !== null) {
    con.pos[a] = committed;
    noteStart(s, g, pid, committed);
    return;
  }
  resetPosition(s, c, pid, 'no committed offset', -1);
}

/**
 * Starts a partition over by auto.offset.reset: `outOfRange` is the fetch position the leader
 * refused (OFFSET_OUT_OF_RANGE), or -1 when there was no committed offset. With `none` poll()
 * throws instead: Kafka raises NoOffsetForPartitionException only for a missing committed offset
 * (SubscriptionState) and OffsetOutOfRangeException for a position outside the log (FetchCollector).
 */
export function resetPosition(s: KafkaState, c: number, pid: number, why: string, outOfRange: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const a = con.assigned.indexOf(pid);
  const log = readLog(s.k.parts[pid]!);
  if (g.autoOffsetReset === 'none') {
    const first = con.phase !== 'error';
    con.phase = 'error';
    con.errorMessage =
      outOfRange < 0
        ? `NoOffsetForPartitionException: ${partName(s, pid)} (${why}) and auto.offset.reset=none`
        : `OffsetOutOfRangeException: fetch position ${outOfRange} is out of range for ${partName(s, pid)} and auto.offset.reset=none`;
    const error = con.errorMessage;
    emit(
      s,
      () => ({ type: 'consumer-error', atMs: s.nowMs, consumer: con.id, group: g.id, ...partRef(s, pid), error }),
      'consumer-error',
    );
    if (first) pollLoopStopped(s, c);
    return;
  }
  const offset = g.autoOffsetReset === 'earliest' ? log.start : log.hw;
  con.pos[a] = offset;
  const reason = `${why}: auto.offset.reset=${g.autoOffsetReset}`;
  emit(
    s,
    () => ({ type: 'offset-reset', atMs: s.nowMs, consumer: con.id, group: g.id, ...partRef(s, pid), offset, reason }),
    'offset-reset',
  );
  if (g.processedTo[pid]! < 0) g.processedTo[pid] = offset;
}

/** A member starts a partition at `offset`: records between what the group processed and it were skipped. */
function noteStart(s: KafkaState, g: GroupState, pid: number, offset: number): void {
  const done = g.processedTo[pid]!;
  if (done < 0) {
    g.processedTo[pid] = offset;
    return;
  }
  if (offset > done) {
    const n = countInRange(readLog(s.k.parts[pid]!), done, offset);
    g.skipped += n;
    g.processedTo[pid] = offset;
    emit(
      s,
      () => ({ type: 'records-skipped', atMs: s.nowMs, group: g.id, ...partRef(s, pid), fromOffset: done, toOffset: offset }),
      'records-skipped',
    );
  }
}

function revoke(s: KafkaState, c: number, pids: number[]): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  emit(
    s,
    () => ({
      type: 'partitions-revoked',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      partitions: pids.map((p) => partName(s, p)),
    }),
    'partitions-revoked',
  );
  for (const pid of pids) {
    const a = con.assigned.indexOf(pid);
    con.assigned.splice(a, 1);
    con.pos.splice(a, 1);
    con.posEpoch.splice(a, 1);
    con.fetching.splice(a, 1);
  }
  const buf: number[] = [];
  const recs: Array<number[] | null> = [];
  for (let i = 0; i < con.buf.length; i += 3) {
    if (pids.includes(con.buf[i]!)) continue;
    buf.push(con.buf[i]!, con.buf[i + 1]!, con.buf[i + 2]!);
    recs.push(con.bufRecs[i / 3] ?? null);
  }
  con.buf = buf;
  con.bufRecs = recs;
}

/** Forgets every partition (eager revocation, lost partitions, crash). */
export function dropAssignment(s: KafkaState, c: number, announce: boolean): void {
  const con = s.k.consumers[c]!;
  if (announce && con.assigned.length > 0) revoke(s, c, [...con.assigned]);
  con.assigned = [];
  con.pos = [];
  con.posEpoch = [];
  con.fetching = [];
  con.buf = [];
  con.bufRecs = [];
}

/** Commits the consumer's positions (OffsetCommit to the coordinator). */
export function commitPositions(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  if (con.assigned.length === 0) return;
  const pids: number[] = [];
  const offsets: number[] = [];
  for (let a = 0; a < con.assigned.length; a++) {
    if (con.pos[a]! < 0) continue;
    pids.push(con.assigned[a]!);
    offsets.push(con.pos[a]!);
  }
  if (pids.length === 0) return;
  if (con.generation < 0) return commitOutOfGroup(s, c);
  const task = { type: 'commit' as const, g: con.group, c, memberId: con.memberId, generation: con.generation, pids, offsets };
  if (!sendToCoordinator(s, c, task)) {
    const g = s.k.groups[con.group]!;
    emit(
      s,
      () => ({ type: 'commit-failed', atMs: s.nowMs, consumer: con.id, group: g.id, reason: 'COORDINATOR_NOT_AVAILABLE' }),
      'commit-failed',
    );
  }
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
    if (g.commit.type === 'after-process') commitPositions(s, c);
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

/** The auto-commit timer of an idle consumer. */
export function onAutoCommit(s: KafkaState, c: number, inc: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc) return;
  con.autoCommitQueued = false;
  if (con.alive && !con.processing) poll(s, c);
}

/** Crashes a consumer: it stops dead, without committing; the group notices at session timeout. */
export function crashConsumer(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  con.alive = false;
  con.phase = 'crashed';
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

export { groupIsActive, scheduleSessionCheck };
export { onProcess } from './consumer-process.ts';
export { onFetchRetry, onFetch, answerParkedFetches, failParkedFetches, onFetchResponse } from './consumer-fetch.ts';
