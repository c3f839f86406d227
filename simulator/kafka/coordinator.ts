/**
 * Reaching a group's coordinator and keeping members' sessions: which broker coordinates a group,
 * sending a consumer's request there, and the session-check chain that expires a member without
 * heartbeats (a new member waiting for its first round gets GroupCoordinator.NewMemberJoinTimeoutMs).
 * Below group.ts, group-static.ts and the consumer, which all need it.
 */
import { brokerNode, latencyMs, scheduleTask, send } from './network.ts';
import type { KafkaState, MemberState } from './state.ts';

/** The broker coordinating a group: fixed by the group id's hash, moving on if that broker is down. */
export function coordinatorOf(s: KafkaState, g: number): number {
  const brokers = s.k.brokers;
  const id = s.k.groups[g]!.id;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  const start = (h & 0x7fffffff) % brokers.length;
  for (let i = 0; i < brokers.length; i++) {
    const b = brokers[(start + i) % brokers.length]!;
    if (b.alive) return b.id;
  }
  return -1;
}

/** Sends a consumer's request to its group's coordinator; false if it cannot get there. */
export function sendToCoordinator(s: KafkaState, c: number, task: Parameters<typeof send>[3], fg = true): boolean {
  const con = s.k.consumers[c]!;
  const coord = coordinatorOf(s, con.group);
  if (coord < 0) return false;
  return send(s, con.id, brokerNode(coord), task, fg);
}

function reachable(s: KafkaState, g: number, m: MemberState): boolean {
  const c = s.k.consumers[m.consumer]!;
  const coord = coordinatorOf(s, g);
  return c.alive && c.memberId === m.memberId && coord >= 0 && latencyMs(s, c.id, brokerNode(coord)) >= 0;
}

/** GroupCoordinator.NewMemberJoinTimeoutMs: a new member waiting for its first round is dropped after it. */
export const NEW_MEMBER_JOIN_TIMEOUT_MS = 300_000;

/** How long a member may go without a heartbeat: a new member awaiting its first round gets longer. */
export function memberTimeoutMs(s: KafkaState, g: number, m: MemberState): number {
  return m.joined && m.isNew ? NEW_MEMBER_JOIN_TIMEOUT_MS : s.k.groups[g]!.sessionTimeoutMs;
}

/**
 * (Re)starts a member's session-check chain. It is foreground only when the member cannot be
 * heartbeating (crashed, cut off), i.e. when its expiry is something still to happen.
 */
export function scheduleSessionCheck(s: KafkaState, g: number, m: MemberState): void {
  m.check++;
  const at = Math.max(s.nowMs, m.lastHbMs + memberTimeoutMs(s, g, m));
  scheduleTask(s, at, { type: 'session-check', g, memberId: m.memberId, check: m.check }, !reachable(s, g, m));
}
