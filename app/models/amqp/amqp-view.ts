/**
 * AMQP state → what the workbench draws: each node's status and detail (a queue's ready and
 * unacknowledged counts, a consumer's prefetch window), the trace in the model's words, counters,
 * and for the queues panel the model's own read of queues and consumers (amqpView). Pure; every
 * number comes from the simulator.
 */
import { amqpModel, amqpNodeId, amqpView, type AmqpWorld, type NodeId, type TraceBase } from '../../../simulator/index.ts';
import { formatCount } from '../../workbench/panels/labels.ts';
import type { NodeView, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';

/** Ready messages listed per queue. */
export const queueMessagesMax = 12;

const id = (x: string): NodeId => x as NodeId;
const n = formatCount;

/** A message in flight shows its body as its label. */
const withBody = (e: TraceBase): { key?: string } => ('from' in e && 'body' in e ? { key: (e as { body: string }).body } : {});

export function amqpWorkbenchView(w: AmqpWorld): WorkbenchView {
  const v = amqpView(w, queueMessagesMax);
  const down = !v.brokerUp;
  const nodes: NodeView[] = [];
  for (const p of Object.keys(w.publishers)) nodes.push({ id: id(amqpNodeId('publisher', p)), status: 'ok', detail: '' });
  // RabbitMQ's built-in exchanges are drawn only when a binding uses them (as in the topology).
  const bound = new Set<string>(v.edges.flatMap((e) => [e.from, e.to]));
  for (const x of v.exchanges.filter((e) => (!e.builtin && e.name !== '') || bound.has(e.id)))
    nodes.push({ id: id(x.id), status: down ? 'offline' : 'ok', detail: down ? 'broker down' : '' });
  for (const q of v.queues) {
    nodes.push({
      id: id(q.id),
      status: down ? 'offline' : q.ready > 0 ? 'busy' : 'ok',
      detail: `${n(q.ready)} ready · ${n(q.unacked)} unacked`,
    });
  }
  for (const c of v.consumers) {
    const window = c.prefetch === 0 ? 'no prefetch limit' : `prefetch ${n(c.prefetch)}`;
    nodes.push({
      id: id(c.id),
      status: !c.up ? 'crashed' : c.unacked.length > 0 ? 'busy' : 'idle',
      detail: `${n(c.unacked.length)} unacked · ${window}`,
    });
  }
  const counts = w.trace.counts;
  const kept = w.trace.entries;
  return {
    nowMs: w.nowMs,
    nodes,
    entries: recentEntryViews(amqpModel, w, kept, withBody),
    counters: [
      { label: 'published', value: counts['message-published'] ?? 0 },
      { label: 'delivered', value: counts['message-delivered'] ?? 0 },
      { label: 'acked', value: counts['message-acked'] ?? 0 },
      { label: 'nacked or rejected', value: counts['message-nacked'] ?? 0 },
      { label: 'dead-lettered', value: counts['message-dead-lettered'] ?? 0 },
      { label: 'returned', value: counts['message-returned'] ?? 0 },
      { label: 'dropped', value: (counts['message-dropped'] ?? 0) + (counts['message-expired'] ?? 0) },
    ],
    model: v,
  };
}
