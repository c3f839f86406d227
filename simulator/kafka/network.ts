/**
 * Node ids, the network between nodes, and the one way the model queues work. Node ids are
 * strings a learner can type: `broker-<id>`, `producer-<id>`, and a consumer's own id. A link has the scenario's
 * latency unless a fault changed or cut it; whether it is cut is decided when a message is sent,
 * so a message already on the wire still arrives (README, "Simplifications"). `scheduleTask` keeps
 * the count of foreground tasks that `run-until-idle` watches.
 */
import { schedule } from '../core/world.ts';
import type { KafkaState } from './state.ts';
import type { KafkaTask } from './tasks.ts';

/** Node id of a broker. */
export function brokerNode(id: number): string {
  return `broker-${id}`;
}

/** Node id of a producer. */
export function producerNode(id: string): string {
  return `producer-${id}`;
}

/** The key of the link between two nodes (order does not matter). */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** One-way latency between two nodes in ms, or -1 when the link is cut. */
export function latencyMs(s: KafkaState, a: string, b: string): number {
  if (a === b) return 0;
  const v = s.k.links[linkKey(a, b)];
  return v === undefined ? s.k.tuning.networkLatencyMs : v;
}

/** Queues a task at `atMs`, counting it if it is foreground. */
export function scheduleTask(s: KafkaState, atMs: number, task: KafkaTask, fg: boolean): void {
  if (fg) {
    task.fg = 1;
    s.k.fg++;
  }
  const t = task as KafkaTask & { atMs: number };
  t.atMs = atMs;
  schedule(s, t);
}

/**
 * Sends a message from node `from` to node `to`: it arrives after the link's latency. Returns false
 * (and schedules nothing) when the link is cut.
 */
export function send(s: KafkaState, from: string, to: string, task: KafkaTask, fg = true): boolean {
  const l = latencyMs(s, from, to);
  if (l < 0) return false;
  scheduleTask(s, s.nowMs + l, task, fg);
  return true;
}
