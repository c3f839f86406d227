/**
 * The group coordinator: membership, generations, rebalances, heartbeats, sessions and commits.
 *
 * It follows Kafka's classic group protocol in outline. A JoinGroup from a new member (or a member
 * leaving, or one whose session expired) moves a stable group to PreparingRebalance; the other
 * members hear of it with their next heartbeat and rejoin at their next poll; when every known
 * member has rejoined, the generation is bumped and the assignor runs. The JoinGroup response,
 * SyncGroup request and SyncGroup response are collapsed into one `assignment` message. A crashed
 * consumer stays a member until its session times out, which is why a crash stalls its partitions.
 */
import { assignPartitions } from './assignors/index.ts';
import { lookup, nameIndex, setName } from './names.ts';
import { coordinatorOf, memberTimeoutMs, scheduleSessionCheck } from './coordinator.ts';
import { emit, partName } from './emit.ts';
import { answerFenced, fencedBy, replaceStaticMember } from './group-static.ts';
import { brokerNode, latencyMs, scheduleTask, send } from './network.ts';
import type { GroupState, KafkaState, MemberState } from './state.ts';
import { pidOf } from './topic-pids.ts';

// Tests and views find a group's coordinator through here too.
export { coordinatorOf } from './coordinator.ts';

/**
 * A JoinGroup request arrives at the coordinator. `fresh`: the consumer joins without a member id
 * the coordinator gave it (Kafka's empty member id), as after a start or after leaving the group.
 */
export function onJoin(
  s: KafkaState,
  g: number,
  c: number,
  memberId: string,
  owned: number[],
  ownedGeneration: number,
  fresh: boolean,
): void {
  const grp = s.k.groups[g]!;
  const con = s.k.consumers[c]!;
  if (!con.alive || con.memberId !== memberId) return;
  // GroupCoordinator.handleJoinGroup refuses a session timeout outside the broker's bounds.
  const { groupMinSessionTimeoutMs: min, groupMaxSessionTimeoutMs: max } = s.k.tuning;
  if (grp.sessionTimeoutMs < min || grp.sessionTimeoutMs > max) {
    const coord = coordinatorOf(s, g);
    const error = `InvalidSessionTimeoutException: session.timeout.ms ${grp.sessionTimeoutMs} is outside the broker range group.min.session.timeout.ms ${min} to group.max.session.timeout.ms ${max}`;
    if (coord >= 0) send(s, brokerNode(coord), con.id, { type: 'join-error', c, inc: con.inc, error });
    return;
  }
  let m = grp.members.find((x) => x.memberId === memberId);
  if (m === undefined && con.instanceId !== null) {
    const old = grp.members.find((x) => x.instanceId === con.instanceId);
    if (old !== undefined && !fresh) {
      // A known member id whose instance id has moved on: this consumer is the fenced one.
      answerFenced(s, g, c, memberId, 'join');
      return;
    }
    if (old !== undefined) {
      // Static membership: the same group.instance.id replaces its old member. A stable group keeps
      // its assignment (Kafka rebalances only if the group's protocol would change, and here every
      // member uses the group's assignor); a rebalancing group counts the new member id in.
      replaceStaticMember(s, g, old, c, memberId);
      if (grp.phase === 'stable') {
        sendAssignment(s, g, old);
        return;
      }
      m = old;
    }
  }
  if (m === undefined) {
    m = {
      memberId,
      consumer: c,
      instanceId: con.instanceId,
      joined: false,
      lastHbMs: s.nowMs,
      owned: [],
      ownedGeneration: -1,
      assigned: [],
      check: 0,
      isNew: true,
      noticed: false,
    };
    grp.members.push(m);
    scheduleSessionCheck(s, g, m);
    emit(s, () => ({ type: 'member-joined', atMs: s.nowMs, consumer: con.id, group: grp.id, memberId }), 'member-joined');
  }
  m.lastHbMs = s.nowMs;
  if (grp.phase === 'empty') {
    grp.joinNotBeforeMs = s.nowMs + s.k.tuning.initialRebalanceDelayMs;
    grp.rebalanceToken++;
    scheduleTask(s, grp.joinNotBeforeMs, { type: 'join-deadline', g, token: grp.rebalanceToken }, true);
    startRebalance(s, g, `${con.id} joined an empty group`);
  } else if (grp.phase === 'stable') {
    startRebalance(s, g, owned.length > 0 && m.assigned.length > 0 ? `${con.id} rejoined` : `${con.id} joined`);
  }
  m.joined = true;
  m.owned = owned;
  m.ownedGeneration = ownedGeneration;
  maybeCompleteJoin(s, g);
}

/**
 * Moves the group to PreparingRebalance and tells every member it can reach at its next heartbeat;
 * a member it cannot reach now hears it with the first heartbeat that does arrive (onHeartbeat).
 * The join phase waits at most the rebalance timeout (Kafka's DelayedJoin). That task is
 * background: a member that cannot rejoin is one whose session expiry is already foreground.
 */
export function startRebalance(s: KafkaState, g: number, reason: string): void {
  const grp = s.k.groups[g]!;
  if (grp.phase === 'preparing-rebalance') return;
  grp.phase = 'preparing-rebalance';
  grp.rebalanceReason = reason;
  grp.rebalanceRound++;
  const timeoutAt = Math.max(grp.joinNotBeforeMs, s.nowMs + s.k.tuning.maxPollIntervalMs);
  scheduleTask(s, timeoutAt, { type: 'rebalance-timeout', g, round: grp.rebalanceRound }, false);
  for (const m of grp.members) {
    m.joined = false;
    m.noticed = false;
  }
  emit(
    s,
    () => ({
      type: 'rebalance-started',
      atMs: s.nowMs,
      group: grp.id,
      generation: grp.generation,
      reason,
      correlationId: grp.id,
    }),
    'rebalance-started',
  );
  for (const m of grp.members) {
    const c = s.k.consumers[m.consumer]!;
    if (!c.alive || c.memberId !== m.memberId) continue;
    const coord = coordinatorOf(s, g);
    if (coord < 0) continue;
    const l = latencyMs(s, c.id, brokerNode(coord));
    if (l < 0) continue;
    // The member hears REBALANCE_IN_PROGRESS in the response to its next heartbeat.
    const at = Math.max(s.nowMs, c.nextHbMs) + 2 * l;
    scheduleTask(s, at, { type: 'rebalance-notice', c: m.consumer, inc: c.inc, generation: grp.generation }, true);
    m.noticed = true;
  }
}

/** The initial-rebalance delay is over. */
export function onJoinDeadline(s: KafkaState, g: number, token: number): void {
  if (s.k.groups[g]!.rebalanceToken === token) maybeCompleteJoin(s, g);
}

/**
 * The rebalance timeout (the members' max.poll.interval.ms, sent in JoinGroup as
 * rebalance_timeout_ms) ran out: as GroupCoordinator.onCompleteJoin does, the dynamic members that
 * have not rejoined are removed and the join phase completes without them. Static members stay
 * (only their session timeout removes them); if nobody at all has rejoined, Kafka waits another
 * rebalance timeout.
 */
export function onRebalanceTimeout(s: KafkaState, g: number, round: number): void {
  const grp = s.k.groups[g]!;
  if (grp.phase !== 'preparing-rebalance' || grp.rebalanceRound !== round) return;
  const rebalanceTimeoutMs = s.k.tuning.maxPollIntervalMs;
  for (const m of grp.members) {
    if (m.joined || m.instanceId !== null) continue;
    const consumer = s.k.consumers[m.consumer]!.id;
    emit(
      s,
      () => ({
        type: 'consumer-left-rebalance-timeout',
        atMs: s.nowMs,
        consumer,
        group: grp.id,
        rebalanceTimeoutMs,
        correlationId: grp.id,
      }),
      'consumer-left-rebalance-timeout',
    );
  }
  grp.members = grp.members.filter((m) => m.joined || m.instanceId !== null);
  if (grp.members.length === 0) {
    grp.phase = 'empty';
    return;
  }
  if (!grp.members.some((m) => m.joined)) {
    scheduleTask(s, s.nowMs + rebalanceTimeoutMs, { type: 'rebalance-timeout', g, round }, false);
    return;
  }
  completeJoin(s, g);
}

function maybeCompleteJoin(s: KafkaState, g: number): void {
  const grp = s.k.groups[g]!;
  if (grp.phase !== 'preparing-rebalance' || s.nowMs < grp.joinNotBeforeMs) return;
  if (grp.members.length === 0) {
    grp.phase = 'empty';
    return;
  }
  if (!grp.members.every((m) => m.joined)) return;
  completeJoin(s, g);
}

function completeJoin(s: KafkaState, g: number): void {
  const grp = s.k.groups[g]!;
  const k = s.k;
  grp.generation++;
  const partitionsPerTopic = nameIndex<number>();
  for (const t of grp.topics) setName(partitionsPerTopic, k.topics[t]!.name, k.topics[t]!.partitions);
  const topicNames = grp.topics.map((t) => k.topics[t]!.name);
  const toTp = (pid: number) => ({ topic: k.topics[k.parts[pid]!.topic]!.name, partition: k.parts[pid]!.partition });
  const result = assignPartitions(grp.assignor, {
    partitionsPerTopic,
    members: grp.members.map((m) => ({
      memberId: m.memberId,
      ...(m.instanceId !== null ? { groupInstanceId: m.instanceId } : {}),
      topics: topicNames,
      ownedPartitions: m.owned.map(toTp),
      ...(m.ownedGeneration >= 0 ? { generation: m.ownedGeneration } : {}),
    })),
  });
  const assignment = nameIndex<string[]>();
  let assignedCount = 0;
  for (const m of grp.members) {
    m.assigned = (lookup(result, m.memberId) ?? [])
      .map((tp: { topic: string; partition: number }) => pidOf(k.topics[lookup(k.topicIndex, tp.topic)!]!, tp.partition))
      .sort((a: number, b: number) => a - b);
    assignedCount += m.assigned.length;
    setName(
      assignment,
      m.memberId,
      m.assigned.map((pid) => partName(s, pid)),
    );
    m.joined = false;
    // The round completes each member's heartbeat deadline (completeAndScheduleNextHeartbeatExpiration).
    m.isNew = false;
    m.lastHbMs = s.nowMs;
    scheduleSessionCheck(s, g, m);
  }
  let total = 0;
  for (const t of grp.topics) total += k.topics[t]!.partitions;
  grp.phase = 'stable';
  const followUp = assignedCount < total;
  emit(
    s,
    () => ({
      type: 'rebalance-completed',
      atMs: s.nowMs,
      group: grp.id,
      generation: grp.generation,
      assignment,
      followUp,
      correlationId: grp.id,
    }),
    'rebalance-completed',
  );
  for (const m of grp.members) sendAssignment(s, g, m);
}

function sendAssignment(s: KafkaState, g: number, m: MemberState): void {
  const grp = s.k.groups[g]!;
  const c = s.k.consumers[m.consumer]!;
  const coord = coordinatorOf(s, g);
  // A member left over from an older incarnation of the consumer has nobody to receive it.
  if (coord < 0 || !c.alive || c.memberId !== m.memberId) return;
  const task = { type: 'assignment' as const, c: m.consumer, inc: c.inc, generation: grp.generation, pids: [...m.assigned] };
  if (!send(s, brokerNode(coord), c.id, task)) {
    // The response is lost on a cut link: the member's JoinGroup times out and it joins again.
    c.rejoinNeeded = true;
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'fetch-retry', c: m.consumer, inc: c.inc, pid: -1 }, true);
  }
}

/**
 * A heartbeat arrives. From a member: it is alive, and if a rebalance it has not heard of is under
 * way the answer is REBALANCE_IN_PROGRESS. From a member id the group does not have: its instance id
 * has moved on (FENCED_INSTANCE_ID), or the member was removed (UNKNOWN_MEMBER_ID), as
 * GroupCoordinator.validateCurrentMember decides.
 */
export function onHeartbeat(s: KafkaState, g: number, c: number, memberId: string): void {
  const grp = s.k.groups[g]!;
  const m = grp.members.find((x) => x.memberId === memberId);
  const con = s.k.consumers[c]!;
  const coord = coordinatorOf(s, g);
  if (m !== undefined) {
    m.lastHbMs = s.nowMs;
    // GroupCoordinator.handleHeartbeat answers every heartbeat in PreparingRebalance with
    // REBALANCE_IN_PROGRESS, not just the first: a member that could not act on one (busy joining
    // an earlier round, its answer still pending) hears it again at its next heartbeat.
    if (grp.phase === 'preparing-rebalance' && !m.joined && coord >= 0 && con.memberId === memberId) {
      m.noticed = true;
      send(s, brokerNode(coord), con.id, { type: 'rebalance-notice', c, inc: con.inc, generation: grp.generation });
    }
  } else if (fencedBy(s, g, c, memberId) !== undefined) answerFenced(s, g, c, memberId, 'heartbeat');
  else if (coord >= 0) send(s, brokerNode(coord), con.id, { type: 'unknown-member', c, memberId });
}

/** A member's session check fires: expire it if no heartbeat came within session.timeout.ms. */
export function onSessionCheck(s: KafkaState, g: number, memberId: string, check: number): void {
  const grp = s.k.groups[g]!;
  const m = grp.members.find((x) => x.memberId === memberId);
  if (m === undefined || m.check !== check) return;
  // A pending JoinGroup counts as a heartbeat (MemberMetadata.hasSatisfiedHeartbeat), except for a
  // new member, which has NewMemberJoinTimeoutMs to be part of a completed round.
  if (m.joined && !m.isNew && grp.phase === 'preparing-rebalance') m.lastHbMs = s.nowMs;
  if (s.nowMs - m.lastHbMs >= memberTimeoutMs(s, g, m)) {
    const consumer = s.k.consumers[m.consumer]!.id;
    emit(
      s,
      () => ({ type: 'consumer-left-session-timeout', atMs: s.nowMs, consumer, group: grp.id, correlationId: grp.id }),
      'consumer-left-session-timeout',
    );
    removeMember(s, g, memberId, `${consumer}'s session timed out`);
  } else {
    scheduleSessionCheck(s, g, m);
  }
}

/** A LeaveGroup arrives (clean shutdown, or max.poll.interval.ms exceeded). */
export function onLeave(s: KafkaState, g: number, memberId: string, reason: 'left' | 'poll-timeout'): void {
  const grp = s.k.groups[g]!;
  const m = grp.members.find((x) => x.memberId === memberId);
  if (m === undefined) return;
  const consumer = s.k.consumers[m.consumer]!.id;
  removeMember(s, g, memberId, reason === 'left' ? `${consumer} left the group` : `${consumer} exceeded max.poll.interval.ms`);
}

function removeMember(s: KafkaState, g: number, memberId: string, reason: string): void {
  const grp = s.k.groups[g]!;
  const m = grp.members.find((x) => x.memberId === memberId);
  // removeMemberAndUpdateGroup answers a pending JoinGroup with UNKNOWN_MEMBER_ID first, so a
  // consumer that is still running joins again.
  if (m !== undefined && m.joined) {
    const con = s.k.consumers[m.consumer]!;
    const coord = coordinatorOf(s, g);
    if (coord >= 0 && con.alive && con.memberId === memberId)
      send(s, brokerNode(coord), con.id, { type: 'unknown-member', c: m.consumer, memberId, join: 1 });
  }
  grp.members = grp.members.filter((x) => x.memberId !== memberId);
  if (grp.members.length === 0) {
    grp.phase = 'empty';
    return;
  }
  startRebalance(s, g, reason);
  maybeCompleteJoin(s, g);
}

/** The consumer behind a member crashed: make its coming session expiry foreground work. */
export function onMemberCrashed(s: KafkaState, g: number, memberId: string): void {
  const m = s.k.groups[g]!.members.find((x) => x.memberId === memberId);
  if (m !== undefined) scheduleSessionCheck(s, g, m);
}

/** An OffsetCommit arrives: accepted from a current member of the current generation. */
export function onCommit(
  s: KafkaState,
  g: number,
  c: number,
  memberId: string,
  generation: number,
  pids: number[],
  offsets: number[],
): void {
  const grp = s.k.groups[g]!;
  const consumer = s.k.consumers[c]!.id;
  const m = grp.members.find((x) => x.memberId === memberId);
  if (m === undefined || generation !== grp.generation) {
    // Kafka checks the instance id first (validateCurrentMember), then the member id, then the generation.
    const fenced = m === undefined && fencedBy(s, g, c, memberId) !== undefined;
    const reason = fenced ? 'FENCED_INSTANCE_ID' : m === undefined ? 'UNKNOWN_MEMBER_ID' : 'ILLEGAL_GENERATION';
    emit(s, () => ({ type: 'commit-failed', atMs: s.nowMs, consumer, group: grp.id, reason }), 'commit-failed');
    if (fenced) answerFenced(s, g, c, memberId, 'commit');
    return;
  }
  for (let i = 0; i < pids.length; i++) {
    const pid = pids[i]!;
    const offset = offsets[i]!;
    if (grp.committed[pid] === offset) continue;
    // OffsetCommit for a deleted topic's partition is answered UNKNOWN_TOPIC_OR_PARTITION: nothing stored.
    if (s.k.topics[s.k.parts[pid]!.topic]!.deleted) continue;
    grp.committed[pid] = offset;
    emit(
      s,
      () => ({ type: 'offset-committed', atMs: s.nowMs, consumer, group: grp.id, ...tp(s, pid), offset }),
      'offset-committed',
    );
  }
}

function tp(s: KafkaState, pid: number): { topic: string; partition: number } {
  const p = s.k.parts[pid]!;
  return { topic: s.k.topics[p.topic]!.name, partition: p.partition };
}

/** Whether a group has members (Kafka refuses to reset the offsets of an active group). */
export function groupIsActive(grp: GroupState): boolean {
  return grp.members.length > 0;
}
