/**
 * What a learner can do in the RabbitMQ model: publish to an exchange with a routing key (and
 * headers) each of its bindings would match; crash and restart the broker; get one message from a
 * queue; crash, restart, slow down or speed up a consumer; and, for a consumer that waits for the
 * learner (`onMessage: manual`), ack, nack with requeue, or reject each message it holds. Nodes are
 * found by comparing ids with `amqpNodeId`, never by taking an id apart.
 */
import { amqpNodeId, type AmqpModelCommand, type AmqpWorld, type NodeId } from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';
import { pagePublisher } from './amqp-topology.ts';

type Action = NodeAction<AmqpModelCommand>;

/** Bindings offered per exchange, at most: each becomes "publish something it would match". */
const publishActionsMax = 4;
/** The processing time "slow down" sets, in virtual ms. */
export const slowProcessingMs = 2_000;

/** A routing key a binding key matches: each `*` and `#` becomes one word. */
function keyMatching(bindingKey: string): string {
  return bindingKey
    .split('.')
    .map((w) => (w === '*' || w === '#' ? 'any' : w))
    .join('.');
}

/** Headers a headers-exchange binding matches: its arguments without the `x-` keys. */
function headersMatching(args: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const k of Object.keys(args)) {
    if (k.startsWith('x-')) continue;
    const v = args[k];
    // A void (null) argument asks only that the header be present: any value does.
    out[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : 'present';
  }
  return out;
}

function exchangeActions(w: AmqpWorld, name: string): Action[] {
  const x = w.exchanges[name]!;
  const body = `msg-${w.published + 1}`;
  const out: Action[] = [];
  if (!x.internal) {
    const seen = new Set<string>();
    for (const b of x.bindings) {
      if (out.length >= publishActionsMax) break;
      const routingKey = x.type === 'topic' ? keyMatching(b.routingKey) : x.type === 'direct' ? b.routingKey : '';
      const headers = x.type === 'headers' ? headersMatching({ ...b.arguments }) : undefined;
      const key = JSON.stringify([routingKey, headers]);
      if (seen.has(key)) continue;
      seen.add(key);
      const what = headers ? `headers ${JSON.stringify(headers)}` : `key "${routingKey}"`;
      out.push({
        label: `Publish "${body}" with ${what}`,
        command: { type: 'publish', publisher: pagePublisher, exchange: name, routingKey, body, ...(headers ? { headers } : {}) },
      });
    }
    if (out.length === 0)
      out.push({
        label: `Publish "${body}"`,
        command: { type: 'publish', publisher: pagePublisher, exchange: name, routingKey: '', body },
      });
  }
  out.push(
    w.brokerUp
      ? { label: 'Crash the broker', command: { type: 'crash-broker' } }
      : { label: 'Restart the broker', command: { type: 'restart-broker' } },
  );
  return out;
}

function consumerActions(w: AmqpWorld, name: string): Action[] {
  const c = w.consumers[name]!;
  if (!c.up) return [{ label: 'Restart consumer', command: { type: 'restart-consumer', consumer: name } }];
  const out: Action[] = [
    { label: 'Crash consumer', command: { type: 'crash-consumer', consumer: name } },
    c.processingMs >= slowProcessingMs
      ? { label: 'Speed up', command: { type: 'slow-consumer', consumer: name, processingMs: 10 } }
      : { label: 'Slow down', command: { type: 'slow-consumer', consumer: name, processingMs: slowProcessingMs } },
  ];
  if (c.onMessage === 'manual') {
    for (const u of c.unacked.slice(0, 3)) {
      const body = u.qm.msg.body;
      out.push(
        { label: `Ack "${body}"`, command: { type: 'ack', consumer: name, deliveryTag: u.deliveryTag } },
        {
          label: `Nack "${body}" and requeue`,
          command: { type: 'nack', consumer: name, deliveryTag: u.deliveryTag, requeue: true },
        },
        { label: `Reject "${body}"`, command: { type: 'reject', consumer: name, deliveryTag: u.deliveryTag, requeue: false } },
      );
    }
  }
  return out;
}

export function amqpActions(w: AmqpWorld, node: NodeId): Action[] {
  const exchange = Object.keys(w.exchanges).find((x) => amqpNodeId('exchange', x) === node);
  if (exchange !== undefined) return exchangeActions(w, exchange);
  const queue = Object.keys(w.queues).find((q) => amqpNodeId('queue', q) === node);
  if (queue !== undefined) return [{ label: 'Get one message (basic.get)', command: { type: 'get', queue } }];
  const consumer = Object.keys(w.consumers).find((c) => amqpNodeId('consumer', c) === node);
  return consumer !== undefined ? consumerActions(w, consumer) : [];
}
