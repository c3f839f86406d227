/**
 * The consumer's fetch requests: one fetch in flight per owned partition that has nothing
 * buffered, to the partition's leader, after validating the position against a newer leader epoch
 * (KIP-320), and the retry timer when a fetch (or a join, pid -1) could not be sent. The leader's
 * side (answer, park, fail) is purgatory.ts; the response handler is consumer-events.ts.
 */
import { sendJoin } from './consumer-assignment.ts';
import { isPaused } from './consumer-pause.ts';
import { validatePosition } from './consumer-validate.ts';
import { brokerNode, scheduleTask, send } from './network.ts';
import { partitionStalled } from './schema-consume.ts';
import type { KafkaState } from './state.ts';

/** Sends a fetch for every assigned partition that has nothing buffered and none in flight. */
export function ensureFetches(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  // Stopped by an error, or out of the group with partitions it will give up at its next poll.
  if (con.phase === 'error' || con.generation < 0) return;
  for (let a = 0; a < con.assigned.length; a++) {
    if (con.fetching[a] || con.pos[a]! < 0) continue;
    const pid = con.assigned[a]!;
    if (con.paused.length > 0 && isPaused(con, pid)) continue;
    if (partitionStalled(s, con.group, pid)) continue;
    let buffered = false;
    for (let i = 0; i < con.buf.length; i += 3) if (con.buf[i] === pid) buffered = true;
    if (!buffered) sendFetch(s, c, a);
  }
}

function sendFetch(s: KafkaState, c: number, a: number): void {
  const con = s.k.consumers[c]!;
  const pid = con.assigned[a]!;
  const leader = s.k.parts[pid]!.leader;
  if (leader >= 0 && !validatePosition(s, c, a)) return;
  con.fetching[a] = 1;
  if (leader < 0) {
    scheduleTask(s, s.nowMs + s.k.tuning.retryBackoffMs, { type: 'fetch-retry', c, inc: con.inc, pid }, false);
    return;
  }
  const task = { type: 'fetch' as const, c, inc: con.inc, pid, offset: con.pos[a]!, broker: leader, sentAtMs: s.nowMs };
  if (!send(s, con.id, brokerNode(leader), task)) {
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'fetch-retry', c, inc: con.inc, pid }, false);
  }
}

/** A retry timer: fetch again (or, with pid -1, try to join again). */
export function onFetchRetry(s: KafkaState, c: number, inc: number, pid: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  if (pid < 0) {
    if (con.rejoinNeeded) sendJoin(s, c);
    return;
  }
  const a = con.assigned.indexOf(pid);
  if (a < 0) return;
  con.fetching[a] = 0;
  ensureFetches(s, c);
}
