/**
 * Faults a learner or a scenario can inject: brokers and consumers crashing and restarting, slow
 * consumers, and links between two nodes that are delayed, cut or healed.
 *
 * Each returns a Result: an impossible fault (crashing a broker that is already down, cutting a
 * link to a node that does not exist) is a SimError value the UI can show, never an exception.
 * The controller is not modelled as a node: it notices a broker crash at once, removes the broker
 * from every ISR it was in (unless it was the last member) and elects new leaders.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { crashConsumer, restartConsumer } from './consumer.ts';
import { coordinatorOf, scheduleSessionCheck } from './coordinator.ts';
import { emit } from './emit.ts';
import { divergenceOffset } from './log.ts';
import { brokerNode, latencyMs, linkKey, producerNode, scheduleTask } from './network.ts';
import { leaderLog } from './partition.ts';
import { failParkedFetches, failWaiters } from './purgatory.ts';
import { lookup } from './names.ts';
import { electLeader, maybeAdvanceHw, removeFromIsr, scheduleIsrExpiry, startFollower, truncateReplica } from './replication.ts';
import type { KafkaState } from './state.ts';

function brokerById(s: KafkaState, id: number) {
  return s.k.brokers.find((b) => b.id === id);
}

/** Crashes a broker: leaders on it fail over, it leaves every ISR, its in-flight work is lost. */
export function crashBroker(s: KafkaState, id: number): Result<null> {
  const b = brokerById(s, id);
  if (b === undefined)
    return fail(ErrorCode.UnknownNode, `There is no broker ${id} (known: ${s.k.brokers.map((x) => x.id).join(', ')}).`);
  if (!b.alive) return fail(ErrorCode.InvalidCommand, `broker-${id} is already down; restart it first.`);
  b.alive = false;
  emit(s, () => ({ type: 'broker-crashed', atMs: s.nowMs, broker: b.node }), 'broker-crashed');
  for (let pid = 0; pid < s.k.parts.length; pid++) {
    const part = s.k.parts[pid]!;
    const ri = part.replicas.indexOf(id);
    if (ri < 0) continue;
    part.views[ri]!.parked = false;
    part.views[ri]!.loop++;
    if (part.leader === id) {
      failWaiters(s, pid, 'DISCONNECTED');
      failParkedFetches(s, pid, id);
      removeFromIsr(s, pid, id);
      electLeader(s, pid);
    } else {
      removeFromIsr(s, pid, id);
      maybeAdvanceHw(s, pid);
    }
  }
  return ok(null);
}

/**
 * Restarts a broker. For each of its partitions it either becomes leader again (it was the last
 * ISR member of an offline partition) or truncates its log to where it diverges from the current
 * leader and fetches from the leader until it rejoins the ISR. Kafka truncated to the high
 * watermark before 0.11; since KIP-101 it asks the leader for the end of its last leader epoch
 * instead, so records the leader also has are kept, whatever this replica's HW said.
 */
export function restartBroker(s: KafkaState, id: number): Result<null> {
  const b = brokerById(s, id);
  if (b === undefined) return fail(ErrorCode.UnknownNode, `There is no broker ${id}.`);
  if (b.alive) return fail(ErrorCode.InvalidCommand, `broker-${id} is running; crash it before restarting it.`);
  b.alive = true;
  emit(s, () => ({ type: 'broker-restarted', atMs: s.nowMs, broker: b.node }), 'broker-restarted');
  for (let pid = 0; pid < s.k.parts.length; pid++) {
    const part = s.k.parts[pid]!;
    const ri = part.replicas.indexOf(id);
    if (ri < 0) continue;
    if (part.leader < 0) {
      electLeader(s, pid);
      continue;
    }
    const log = part.logs[ri]!;
    const leader = leaderLog(part)!;
    truncateReplica(s, pid, ri, divergenceOffset(log, leader));
    const v = part.views[ri]!;
    v.leo = -1;
    v.sentHw = -1;
    startFollower(s, pid, ri);
  }
  return ok(null);
}

/** Node ids that exist: brokers, producers and consumers. */
function nodeExists(s: KafkaState, node: string): boolean {
  const k = s.k;
  return (
    k.brokers.some((b) => b.node === node) || k.producers.some((p) => p.node === node) || k.consumers.some((c) => c.id === node)
  );
}

/** Sets a link's latency (`latencyMs` >= 0), cuts it (-1) or heals it (null). */
export function setLink(s: KafkaState, from: string, to: string, latency: number | null): Result<null> {
  for (const n of [from, to]) {
    if (!nodeExists(s, n))
      return fail(ErrorCode.UnknownNode, `There is no node "${n}". Node ids look like broker-1, producer-p1 or a consumer id.`);
  }
  if (from === to) return fail(ErrorCode.InvalidCommand, 'A link joins two different nodes.');
  if (latency !== null && latency !== -1 && !(latency >= 0))
    return fail(ErrorCode.InvalidCommand, 'Link latency must be >= 0 ms.');
  const key = linkKey(from, to);
  if (latency === null) delete s.k.links[key];
  else s.k.links[key] = latency;
  const state = latency === null ? 'healed' : latency < 0 ? 'cut' : 'delayed';
  const shownMs = latency === null ? s.k.tuning.networkLatencyMs : latency;
  emit(s, () => ({ type: 'link-changed', atMs: s.nowMs, from, to, state, latencyMs: shownMs }), 'link-changed');
  if (latency === -1) onLinkCut(s, from, to);
  return ok(null);
}

/** What a cut link sets in motion: ISR expiry, parked requests lost, sessions running out. */
function onLinkCut(s: KafkaState, a: string, b: string): void {
  const k = s.k;
  const across = (x: string, y: string) => (x === a && y === b) || (x === b && y === a);
  for (let pid = 0; pid < k.parts.length; pid++) {
    const part = k.parts[pid]!;
    if (part.leader < 0) continue;
    const leaderNode = brokerNode(part.leader);
    for (let ri = 0; ri < part.replicas.length; ri++) {
      const f = part.replicas[ri]!;
      if (f === part.leader || !across(leaderNode, brokerNode(f))) continue;
      const v = part.views[ri]!;
      if (v.parked) {
        // The parked fetch's answer can no longer arrive; the follower's request times out. It
        // was caught up until now (a parked fetch is at the leader's LEO).
        v.parked = false;
        v.caughtUpMs = s.nowMs;
        scheduleTask(s, s.nowMs + k.tuning.requestTimeoutMs, { type: 'follower-retry', pid, ri, loop: v.loop }, false);
      }
      if (part.isr.includes(f)) scheduleIsrExpiry(s, pid);
    }
    const kept = part.parked.filter((f) => {
      const c = k.consumers[f.consumer]!;
      if (!across(leaderNode, c.id)) return true;
      scheduleTask(s, s.nowMs + k.tuning.requestTimeoutMs, { type: 'fetch-retry', c: f.consumer, inc: f.inc, pid }, false);
      return false;
    });
    part.parked = kept;
  }
  for (let g = 0; g < k.groups.length; g++) {
    const coord = coordinatorOf(s, g);
    if (coord < 0) continue;
    for (const m of k.groups[g]!.members) {
      const c = k.consumers[m.consumer]!;
      if (across(c.id, brokerNode(coord)) && latencyMs(s, c.id, brokerNode(coord)) < 0) scheduleSessionCheck(s, g, m);
    }
  }
}

/** Looks a consumer up by id. */
export function consumerIndex(s: KafkaState, id: string): number {
  return lookup(s.k.consumerIndex, id) ?? -1;
}

/** Crashes a consumer (no commit, no LeaveGroup). */
export function crashConsumerCmd(s: KafkaState, id: string): Result<null> {
  const c = consumerIndex(s, id);
  if (c < 0) return fail(ErrorCode.UnknownConsumer, `There is no consumer "${id}".`);
  const con = s.k.consumers[c]!;
  if (!con.alive) return fail(ErrorCode.InvalidCommand, `Consumer ${id} is not running (${con.phase}).`);
  crashConsumer(s, c);
  return ok(null);
}

/** Restarts a crashed consumer. */
export function restartConsumerCmd(s: KafkaState, id: string): Result<null> {
  const c = consumerIndex(s, id);
  if (c < 0) return fail(ErrorCode.UnknownConsumer, `There is no consumer "${id}".`);
  const con = s.k.consumers[c]!;
  if (con.alive) return fail(ErrorCode.InvalidCommand, `Consumer ${id} is running; crash it before restarting it.`);
  if (con.phase === 'left') return fail(ErrorCode.InvalidCommand, `Consumer ${id} was removed; add a consumer instead.`);
  restartConsumer(s, c);
  return ok(null);
}

/** Changes a consumer's processing time per record (a very large value pauses it). */
export function slowConsumer(s: KafkaState, id: string, processingMs: number): Result<null> {
  const c = consumerIndex(s, id);
  if (c < 0) return fail(ErrorCode.UnknownConsumer, `There is no consumer "${id}".`);
  if (!(processingMs >= 0) || !Number.isFinite(processingMs))
    return fail(ErrorCode.InvalidCommand, 'processingMs must be a finite number >= 0.');
  s.k.consumers[c]!.processingMs = processingMs;
  emit(s, () => ({ type: 'consumer-slowed', atMs: s.nowMs, consumer: id, processingMs }), 'consumer-slowed');
  return ok(null);
}

export { producerNode };
