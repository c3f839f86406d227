/**
 * A consumer's membership state, below its poll loop: joining (JoinGroup with what it owns),
 * applying an assignment, where each newly owned partition starts (committed offset, else
 * auto.offset.reset), giving partitions up (revoked, or lost when the generation was reset),
 * committing positions, and stopping when poll() throws. Everything here changes the consumer's
 * state or sends a request; nothing calls poll(), so the modules that do (consumer.ts and its
 * event handlers) sit above it and the imports run one way.
 */
import { countInRange } from './log.ts';
import { sendToCoordinator } from './coordinator.ts';
import { emit, partName, partRef } from './emit.ts';
import { scheduleTask } from './network.ts';
import { readLog } from './partition.ts';
import type { GroupState, KafkaState } from './state.ts';

export function cooperative(g: GroupState): boolean {
  return g.assignor === 'cooperative-sticky';
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

export function applyAssignment(s: KafkaState, c: number): void {
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
  con.paused = [];
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
 * Commits one partition's offset after a record (commitSync of that record's offset + 1): the
 * `after-record` policy, which shrinks what a crash can repeat to the record being processed.
 */
export function commitRecord(s: KafkaState, c: number, pid: number, offset: number): void {
  const con = s.k.consumers[c]!;
  if (con.generation < 0) return commitOutOfGroup(s, c);
  const task = {
    type: 'commit' as const,
    g: con.group,
    c,
    memberId: con.memberId,
    generation: con.generation,
    pids: [pid],
    offsets: [offset],
  };
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
 * poll() threw (NoOffsetForPartitionException, or OffsetOutOfRangeException): the application
 * stops calling it, while the heartbeat thread keeps the member in the group, holding its
 * partitions, until the poll timer that the failing poll reset runs out. Foreground: the member
 * leaving is still to happen.
 */
export function pollLoopStopped(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  if (con.generation < 0) {
    // Already out of the group (a fetch answered after it left): nothing keeps its partitions.
    dropAssignment(s, c, false);
    return;
  }
  con.lastPollMs = s.nowMs;
  scheduleTask(s, s.nowMs + s.k.tuning.maxPollIntervalMs, { type: 'poll-timeout', c, inc: con.inc, pollMs: s.nowMs }, true);
}

/**
 * A commit while out of the group fails before it is sent: ConsumerCoordinator's
 * sendOffsetCommitRequest finds no stable generation. Whoever owns the partitions now will process
 * the records again.
 */
export function commitOutOfGroup(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const reason = 'CommitFailedException: the consumer is not part of an active group';
  emit(s, () => ({ type: 'commit-failed', atMs: s.nowMs, consumer: con.id, group: g.id, reason }), 'commit-failed');
}

/** The next poll throws the fatal error: the consumer stops for good, holding nothing. */
export function stopOnFatalError(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  con.phase = 'error';
  con.errorMessage = con.fatalError;
  con.fatalError = null;
  con.pendingAssignment = null;
  con.rejoinNeeded = false;
  dropLostPartitions(s, c);
}

/**
 * The generation was reset while partitions were still held: they are lost, not revoked (Kafka
 * calls onPartitionsLost and forgets them, whatever the protocol), and the next join owns nothing.
 */
export function dropLostPartitions(s: KafkaState, c: number): void {
  dropAssignment(s, c, false);
  s.k.consumers[c]!.prevOwned = [];
}
