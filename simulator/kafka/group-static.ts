/**
 * Static membership (KIP-345) at the coordinator: a consumer that joins with a group.instance.id the
 * group already has takes over that member (Kafka's replaceStaticMember), and requests that still
 * carry the old member id are fenced with FENCED_INSTANCE_ID. group.ts decides what the
 * join means for the group (keep the assignment, or count it in a rebalance) and imports this
 * file; both reach the coordinator through coordinator.ts.
 */
import { coordinatorOf, scheduleSessionCheck } from './coordinator.ts';
import { emit } from './emit.ts';
import { brokerNode, latencyMs, scheduleTask, send } from './network.ts';
import type { KafkaState, MemberState } from './state.ts';

/**
 * The member that holds a static consumer's group.instance.id under another member id, if any: a
 * request from `memberId` is then fenced (Kafka's FENCED_INSTANCE_ID).
 */
export function fencedBy(s: KafkaState, g: number, c: number, memberId: string): MemberState | undefined {
  const instanceId = s.k.consumers[c]!.instanceId;
  if (instanceId === null) return undefined;
  const holder = s.k.groups[g]!.members.find((x) => x.instanceId === instanceId);
  return holder !== undefined && holder.memberId !== memberId ? holder : undefined;
}

/** The coordinator answers a request from a fenced member id with FENCED_INSTANCE_ID. */
export function answerFenced(
  s: KafkaState,
  g: number,
  c: number,
  memberId: string,
  request: 'heartbeat' | 'commit' | 'join',
): void {
  const coord = coordinatorOf(s, g);
  if (coord >= 0) send(s, brokerNode(coord), s.k.consumers[c]!.id, { type: 'fenced', c, memberId, request });
}

/**
 * A static member's group.instance.id moves to a member id that a join just brought (Kafka's
 * replaceStaticMember). A live consumer still using the old member id hears FENCED_INSTANCE_ID in
 * the response to its next heartbeat, the way startRebalance delivers REBALANCE_IN_PROGRESS.
 */
export function replaceStaticMember(s: KafkaState, g: number, old: MemberState, c: number, memberId: string): void {
  const grp = s.k.groups[g]!;
  const con = s.k.consumers[c]!;
  const prevC = old.consumer;
  const prev = s.k.consumers[prevC]!;
  const oldMemberId = old.memberId;
  old.memberId = memberId;
  old.consumer = c;
  old.lastHbMs = s.nowMs;
  scheduleSessionCheck(s, g, old);
  const rebalancing = grp.phase !== 'stable';
  if (prev === con) {
    emit(
      s,
      () => ({ type: 'static-member-rejoined', atMs: s.nowMs, consumer: con.id, group: grp.id, rebalancing }),
      'static-member-rejoined',
    );
    return;
  }
  const instanceId = con.instanceId!;
  emit(
    s,
    () => ({
      type: 'static-member-replaced',
      atMs: s.nowMs,
      consumer: con.id,
      group: grp.id,
      instanceId,
      replaced: prev.id,
      rebalancing,
      correlationId: grp.id,
    }),
    'static-member-replaced',
  );
  const coord = coordinatorOf(s, g);
  const l = coord < 0 ? -1 : latencyMs(s, prev.id, brokerNode(coord));
  if (prev.alive && prev.memberId === oldMemberId && l >= 0) {
    const task = { type: 'fenced' as const, c: prevC, memberId: oldMemberId, request: 'heartbeat' as const };
    scheduleTask(s, Math.max(s.nowMs, prev.nextHbMs) + 2 * l, task, true);
  }
}
