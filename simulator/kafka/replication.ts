/**
 * Replication: followers fetching from leaders, the ISR, the high watermark and leader election.
 *
 * This is where Kafka's durability story lives, so it follows Kafka's rules rather than a
 * shortcut: a follower copies by fetching from the leader over the network; the leader learns a
 * follower's LEO from the offset in its next fetch; HW = min LEO over the ISR; a follower that has
 * not caught up for replica.lag.time.max.ms is dropped from the ISR; a new leader comes from the
 * ISR (or, if allowed, from any live replica: unclean election). Records a new leader does not have
 * are doomed on every other replica; an acknowledged one among them is counted as lost here.
 */
import { copyRange, divergenceOffset, rnAt, truncateTo } from './log.ts';
import { emit, partRef } from './emit.ts';
import { brokerNode, latencyMs, scheduleTask, send } from './network.ts';
import { brokerAlive, countLostIfAcked, leaderLog } from './partition.ts';
import { answerParkedFetches, completeWaiters, failWaiters } from './purgatory.ts';
import { RecordFlag, type KafkaState, type PartitionState, type ReplicaLog } from './state.ts';

function isrNames(part: PartitionState): string[] {
  return part.isr.map(brokerNode);
}

/** Starts (or restarts) follower `ri`'s fetch loop against the current leader. */
export function startFollower(s: KafkaState, pid: number, ri: number): void {
  const part = s.k.parts[pid]!;
  const v = part.views[ri]!;
  v.loop++;
  v.parked = false;
  sendFollowerFetch(s, pid, ri);
}

function sendFollowerFetch(s: KafkaState, pid: number, ri: number): void {
  const part = s.k.parts[pid]!;
  const broker = part.replicas[ri]!;
  if (part.leader < 0 || part.leader === broker || !brokerAlive(s, broker)) return;
  const v = part.views[ri]!;
  const task = { type: 'follower-fetch' as const, pid, ri, loop: v.loop, offset: part.logs[ri]!.leo, leader: part.leader };
  if (!send(s, brokerNode(broker), brokerNode(part.leader), task)) {
    // Over a cut link the fetch times out; retrying is housekeeping, the ISR check is what matters.
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'follower-retry', pid, ri, loop: v.loop }, false);
  }
}

/** A follower's fetch request arrives at the leader. */
export function onFollowerFetch(s: KafkaState, pid: number, ri: number, loop: number, offset: number, leader: number): void {
  const part = s.k.parts[pid]!;
  const v = part.views[ri]!;
  if (part.leader !== leader || v.loop !== loop || !brokerAlive(s, leader)) return;
  const log = leaderLog(part)!;
  const now = s.nowMs;
  // Kafka's rule (Replica.updateFetchState): caught up if the fetch reaches the leader's LEO now,
  // or reaches what the LEO was when the previous fetch was answered.
  if (offset >= log.leo) v.caughtUpMs = now;
  else if (offset >= v.lastFetchLeaderLeo) v.caughtUpMs = Math.max(v.caughtUpMs, v.lastFetchMs);
  v.leo = Math.min(offset, log.leo);
  v.lastFetchMs = now;
  const broker = part.replicas[ri]!;
  if (!part.isr.includes(broker) && v.leo >= log.hw && brokerAlive(s, broker)) {
    part.isr.push(broker);
    part.isr.sort((a, b) => part.replicas.indexOf(a) - part.replicas.indexOf(b));
    emit(
      s,
      () => ({ type: 'isr-expanded', atMs: now, ...partRef(s, pid), broker: brokerNode(broker), isr: isrNames(part) }),
      'isr-expanded',
    );
  }
  maybeAdvanceHw(s, pid);
  if (log.leo > v.leo || log.hw > v.sentHw) respondFollower(s, pid, ri);
  else v.parked = true;
}

function respondFollower(s: KafkaState, pid: number, ri: number): void {
  const part = s.k.parts[pid]!;
  const log = leaderLog(part)!;
  const v = part.views[ri]!;
  const from = Math.max(v.leo, log.start);
  const count = Math.max(0, Math.min(log.leo, from + s.k.tuning.replicaFetchMaxRecords) - from);
  // A parked fetch was at the leader's LEO until now (in Kafka it is re-sent every
  // replica.fetch.wait.max.ms, refreshing lastCaughtUpTimeMs).
  if (v.parked) v.caughtUpMs = s.nowMs;
  v.parked = false;
  v.sentHw = log.hw;
  v.lastFetchLeaderLeo = log.leo;
  const task = { type: 'follower-response' as const, pid, ri, loop: v.loop, from, count, hw: log.hw, epoch: part.epoch };
  if (!send(s, brokerNode(part.leader), brokerNode(part.replicas[ri]!), task)) {
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'follower-retry', pid, ri, loop: v.loop }, false);
  }
}

/** The leader's answer arrives at the follower: copy the batch, learn the HW, fetch again. */
export function onFollowerResponse(
  s: KafkaState,
  pid: number,
  ri: number,
  loop: number,
  from: number,
  count: number,
  hw: number,
  epoch: number,
): void {
  const part = s.k.parts[pid]!;
  const v = part.views[ri]!;
  const broker = part.replicas[ri]!;
  if (v.loop !== loop || part.epoch !== epoch || !brokerAlive(s, broker)) return;
  const log = part.logs[ri]!;
  const src = leaderLog(part);
  if (src === null) return;
  if (from > log.leo) {
    // The leader deleted what we needed (retention): start over at the leader's log start.
    truncateTo(log, log.start, s.k.rec.prod);
    log.rns.length = log.head;
    log.start = log.leo = log.hw = log.cleanedTo = from;
    log.segs = [from];
  }
  if (count > 0 && log.leo === from) {
    copyRange(log, src, from, from + count, s.k.rec.prod);
    emit(
      s,
      () => ({
        type: 'records-replicated',
        atMs: s.nowMs,
        broker: brokerNode(broker),
        leader: brokerNode(part.leader),
        ...partRef(s, pid),
        fromOffset: from,
        toOffset: from + count,
      }),
      'records-replicated',
    );
  }
  log.hw = Math.min(hw, log.leo);
  sendFollowerFetch(s, pid, ri);
}

/** A follower's fetch timed out (cut link): try again. */
export function onFollowerRetry(s: KafkaState, pid: number, ri: number, loop: number): void {
  if (s.k.parts[pid]!.views[ri]!.loop === loop) sendFollowerFetch(s, pid, ri);
}

/** Recomputes the leader's HW; on a rise, answers waiting producers, consumers and followers. */
export function maybeAdvanceHw(s: KafkaState, pid: number): void {
  const part = s.k.parts[pid]!;
  const log = leaderLog(part);
  if (log === null) return;
  let hw = log.leo;
  for (const b of part.isr) {
    if (b === part.leader) continue;
    const v = part.views[part.replicas.indexOf(b)]!;
    if (v.leo < hw) hw = v.leo;
  }
  if (hw <= log.hw) return;
  log.hw = hw;
  emit(
    s,
    () => ({ type: 'hw-advanced', atMs: s.nowMs, broker: brokerNode(part.leader), ...partRef(s, pid), highWatermark: hw }),
    'hw-advanced',
  );
  if (part.waiters.length > 0) completeWaiters(s, pid);
  if (part.parked.length > 0) answerParkedFetches(s, pid);
  wakeFollowers(s, pid);
}

/** Answers parked follower fetches (new data or a new HW to tell them). */
export function wakeFollowers(s: KafkaState, pid: number): void {
  const part = s.k.parts[pid]!;
  for (let ri = 0; ri < part.views.length; ri++) if (part.views[ri]!.parked) respondFollower(s, pid, ri);
}

/**
 * Kafka's ReplicaState.isCaughtUp: a follower whose last fetch reached the leader's LEO is in sync
 * however long ago that fetch was (a follower cut off from an idle leader stays in the ISR);
 * otherwise it must have been caught up within replica.lag.time.max.ms. A parked fetch is at the LEO.
 */
function caughtUpAt(s: KafkaState, part: PartitionState, ri: number, leaderLeo: number): number {
  const v = part.views[ri]!;
  return v.parked || v.leo >= leaderLeo ? s.nowMs : v.caughtUpMs;
}

function followerAtRisk(s: KafkaState, part: PartitionState, b: number, leaderLeo: number): boolean {
  return s.nowMs - caughtUpAt(s, part, part.replicas.indexOf(b), leaderLeo) > 0;
}

/**
 * The leader's periodic ISR check (Kafka runs it every replica.lag.time.max.ms / 2). It is
 * background work unless a follower in the ISR is currently behind, so an idle healthy cluster
 * counts as idle. `once` checks are scheduled by faults and do not reschedule.
 */
export function onIsrCheck(s: KafkaState, pid: number, once: boolean): void {
  const part = s.k.parts[pid]!;
  const log = leaderLog(part);
  const lagMax = s.k.tuning.replicaLagTimeMaxMs;
  if (log !== null) {
    for (const b of [...part.isr]) {
      if (b === part.leader) continue;
      const caughtUp = caughtUpAt(s, part, part.replicas.indexOf(b), log.leo);
      if (s.nowMs - caughtUp >= lagMax) removeFromIsr(s, pid, b);
    }
    maybeAdvanceHw(s, pid);
  }
  if (once) {
    part.isrCheckFg = false;
    return;
  }
  const risky = log !== null && part.isr.some((b) => b !== part.leader && followerAtRisk(s, part, b, log.leo));
  scheduleTask(s, s.nowMs + Math.max(1, lagMax >> 1), { type: 'isr-check', pid }, risky);
}

/**
 * The leader appended records. An in-sync follower that is cut off from it was in sync only because
 * it held the whole log (the LEO rule of isCaughtUp); from now on its last caught-up time counts,
 * so its removal from the ISR is something still to happen: queue a foreground check for it.
 */
export function onLeaderAppend(s: KafkaState, pid: number): void {
  const part = s.k.parts[pid]!;
  if (part.isrCheckFg || part.isr.length <= 1) return;
  const leaderNode = brokerNode(part.leader);
  let at = Infinity;
  for (const b of part.isr) {
    if (b === part.leader || latencyMs(s, leaderNode, brokerNode(b)) >= 0) continue;
    const v = part.views[part.replicas.indexOf(b)]!;
    at = Math.min(at, Math.max(s.nowMs, v.caughtUpMs + s.k.tuning.replicaLagTimeMaxMs));
  }
  if (at === Infinity) return;
  part.isrCheckFg = true;
  scheduleTask(s, at, { type: 'isr-check', pid, once: 1 }, true);
}

/** Schedules a one-off foreground ISR check once a follower cut off now would have expired. */
export function scheduleIsrExpiry(s: KafkaState, pid: number): void {
  scheduleTask(s, s.nowMs + s.k.tuning.replicaLagTimeMaxMs, { type: 'isr-check', pid, once: 1 }, true);
}

/** Removes a broker from a partition's ISR (never the last member, as Kafka keeps it). */
export function removeFromIsr(s: KafkaState, pid: number, broker: number): void {
  const part = s.k.parts[pid]!;
  const i = part.isr.indexOf(broker);
  if (i < 0 || part.isr.length <= 1) return;
  part.isr.splice(i, 1);
  emit(
    s,
    () => ({ type: 'isr-shrunk', atMs: s.nowMs, ...partRef(s, pid), broker: brokerNode(broker), isr: isrNames(part) }),
    'isr-shrunk',
  );
}

/**
 * Elects a leader for a partition whose leader is gone: the first live ISR member in replica
 * order; if none and unclean election is on, the first live replica. Every other replica truncates
 * to where it diverges from the new leader, and acknowledged records that only existed beyond that
 * point are counted as lost.
 */
export function electLeader(s: KafkaState, pid: number): void {
  const part = s.k.parts[pid]!;
  const topic = s.k.topics[part.topic]!;
  let leader = part.replicas.find((b) => part.isr.includes(b) && brokerAlive(s, b));
  let unclean = false;
  if (leader === undefined && topic.uncleanLeaderElection) {
    leader = part.replicas.find((b) => brokerAlive(s, b));
    unclean = leader !== undefined;
  }
  if (leader === undefined) {
    if (part.leader !== -1) {
      part.leader = -1;
      emit(s, () => ({ type: 'partition-offline', atMs: s.nowMs, ...partRef(s, pid) }), 'partition-offline');
    }
    return;
  }
  part.leader = leader;
  part.epoch++;
  if (unclean) part.isr = [leader];
  const li = part.replicas.indexOf(leader);
  const newLog = part.logs[li]!;
  recordEpochStart(part, newLog.leo);
  emit(
    s,
    () => ({ type: 'leader-elected', atMs: s.nowMs, ...partRef(s, pid), broker: brokerNode(leader), epoch: part.epoch, unclean }),
    'leader-elected',
  );
  for (let ri = 0; ri < part.replicas.length; ri++) {
    if (ri === li) continue;
    const log = part.logs[ri]!;
    markDoomed(s, pid, log, divergenceOffset(log, newLog));
    const v = part.views[ri]!;
    v.leo = -1;
    v.parked = false;
    v.sentHw = -1;
    v.lastFetchLeaderLeo = newLog.leo;
    v.caughtUpMs = s.nowMs;
    if (brokerAlive(s, part.replicas[ri]!)) {
      truncateReplica(s, pid, ri, divergenceOffset(log, newLog));
      startFollower(s, pid, ri);
    }
  }
  if (newLog.hw > newLog.leo) newLog.hw = newLog.leo;
  maybeAdvanceHw(s, pid);
}

/**
 * The new leader's epoch starts at its LEO. Epochs it holds no records of (they started at or past
 * that point on the old leader) are not in its history, as Kafka's leader epoch cache only has
 * epochs whose records the replica holds.
 */
function recordEpochStart(part: PartitionState, startOffset: number): void {
  const e = part.epochStarts;
  while (e.length > 0 && e[e.length - 1]! >= startOffset) e.length -= 2;
  e.push(part.epoch, startOffset);
}

/** Counts acknowledged records at or beyond `from` in `log` as lost (they will be truncated). */
function markDoomed(s: KafkaState, pid: number, log: ReplicaLog, from: number): void {
  if (from >= log.leo) return;
  const rec = s.k.rec;
  for (let o = from; o < log.leo; o++) {
    const rn = rnAt(log, o);
    if (rn < 0 || rec.ackOff[rn] !== o) continue;
    rec.st[rn]! |= RecordFlag.AckedCopyTruncated;
    countLostIfAcked(s, pid, rn, o);
  }
}

/** Truncates replica `ri` to `offset`, with a trace entry when anything went. */
export function truncateReplica(s: KafkaState, pid: number, ri: number, offset: number): void {
  const part = s.k.parts[pid]!;
  const log = part.logs[ri]!;
  const removed = truncateTo(log, offset, s.k.rec.prod);
  if (removed > 0) {
    emit(
      s,
      () => ({
        type: 'log-truncated',
        atMs: s.nowMs,
        broker: brokerNode(log.broker),
        ...partRef(s, pid),
        toOffset: log.leo,
        removed,
      }),
      'log-truncated',
    );
  }
}

/** Tells parked waiters of a partition that its leader is gone; they retry elsewhere. */
export function dropLeaderState(s: KafkaState, pid: number, error: string): void {
  failWaiters(s, pid, error);
}

// Importers outside the model read a partition's log through here (app/kafka, lessons, saga).
export { leaderLog, readLog } from './partition.ts';
