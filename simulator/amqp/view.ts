/**
 * The reads a workbench view needs from an AMQP world, as small plain objects: each queue's ready
 * and unacknowledged counts and its ready messages in delivery order, each consumer's prefetch
 * window, and the bindings with their keys and arguments (the edges to draw, dead-letter edges
 * included). Views read these; they never reach into the world's internals.
 */
import { dictGet } from './dict.ts';
import { readyInOrder } from './queue-store.ts';
import { amqpNodeId, type AmqpNodeId, type AmqpWorld } from './types.ts';

export interface AmqpQueueView {
  id: AmqpNodeId;
  name: string;
  type: 'classic' | 'quorum';
  durable: boolean;
  ready: number;
  unacked: number;
  /** Ready messages, next out first: body, redelivered, id. */
  messages: { id: string; body: string; redelivered: boolean }[];
  deadLetterExchange: string | null;
}

export interface AmqpConsumerView {
  id: AmqpNodeId;
  name: string;
  queue: string;
  up: boolean;
  prefetch: number;
  unacked: { deliveryTag: number; body: string }[];
}

export interface AmqpEdgeView {
  from: AmqpNodeId;
  to: AmqpNodeId;
  kind: 'binding' | 'dead-letter' | 'alternate';
  label: string;
}

export interface AmqpView {
  nowMs: number;
  brokerUp: boolean;
  exchanges: { id: AmqpNodeId; name: string; type: string; builtin: boolean }[];
  queues: AmqpQueueView[];
  consumers: AmqpConsumerView[];
  edges: AmqpEdgeView[];
}

/** Everything a view draws, read from the world (no copies of big arrays beyond `messagesMax`). */
export function amqpView(w: AmqpWorld, messagesMax = 50): AmqpView {
  const exchanges = Object.keys(w.exchanges).map((name) => {
    const x = dictGet(w.exchanges, name)!;
    return { id: amqpNodeId('exchange', name), name, type: x.type, builtin: name.startsWith('amq.') };
  });
  const queues = Object.keys(w.queues).map((name): AmqpQueueView => {
    const q = dictGet(w.queues, name)!;
    return {
      id: amqpNodeId('queue', name),
      name,
      type: q.config.type,
      durable: q.durable,
      ready: q.readyCount,
      unacked: q.unackedCount,
      messages: readyInOrder(q)
        .slice(0, messagesMax)
        .map((m) => ({ id: m.msg.id, body: m.msg.body, redelivered: m.redelivered })),
      deadLetterExchange: q.config.deadLetterExchange,
    };
  });
  const consumers = Object.keys(w.consumers).map((name): AmqpConsumerView => {
    const c = dictGet(w.consumers, name)!;
    return {
      id: amqpNodeId('consumer', name),
      name,
      queue: c.queue,
      up: c.up,
      prefetch: c.prefetch,
      unacked: c.unacked.map((u) => ({ deliveryTag: u.deliveryTag, body: u.qm.msg.body })),
    };
  });
  const edges: AmqpEdgeView[] = [];
  for (const x of Object.keys(w.exchanges).map((n) => dictGet(w.exchanges, n)!)) {
    for (const b of x.bindings) {
      const args = Object.keys(b.arguments).length === 0 ? '' : ` ${JSON.stringify(b.arguments)}`;
      edges.push({
        from: amqpNodeId('exchange', x.name),
        to: amqpNodeId(b.destinationType, b.destination),
        kind: 'binding',
        label: `${b.routingKey}${args}`,
      });
    }
    if (x.alternateExchange !== null)
      edges.push({
        from: amqpNodeId('exchange', x.name),
        to: amqpNodeId('exchange', x.alternateExchange),
        kind: 'alternate',
        label: 'alternate-exchange',
      });
  }
  for (const q of queues)
    if (q.deadLetterExchange !== null) {
      const rk = dictGet(w.queues, q.name)!.config.deadLetterRoutingKey;
      edges.push({
        from: q.id,
        to: amqpNodeId('exchange', q.deadLetterExchange),
        kind: 'dead-letter',
        label: rk === null ? 'dead letters' : `dead letters (${rk})`,
      });
    }
  for (const c of consumers)
    edges.push({
      from: amqpNodeId('queue', c.queue),
      to: c.id,
      kind: 'binding',
      label: `prefetch ${c.prefetch === 0 ? '∞' : c.prefetch}`,
    });
  return { nowMs: w.nowMs, brokerUp: w.brokerUp, exchanges, queues, consumers, edges };
}
