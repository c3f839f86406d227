/**
 * A publish from send to arrival: the publisher sends (a `message-published` entry, flying from
 * publisher to exchange), and one network delay later the broker routes it.
 *
 * A message that arrives while the broker is down is lost (the publisher's connection is gone);
 * with confirms on, the publisher hears an ack or nack after routing, and a `mandatory` message
 * that reaches no queue comes back as basic.return NO_ROUTE first.
 */
import { newId } from '../core/world.ts';
import { dictFrom, dictGet } from './dict.ts';
import { routeAndEnqueue } from './broker.ts';
import { emit, scheduleAt } from './emit.ts';
import { amqpNodeId, type AmqpMessage, type AmqpWorld, type PublishSpec } from './types.ts';

/** The publisher sends: the message exists from now and arrives after the network delay. */
export function sendPublish(w: AmqpWorld, p: PublishSpec): AmqpMessage {
  const id = newId(w, 'm');
  w.published++;
  const msg: AmqpMessage = {
    id,
    body: p.body,
    exchange: p.exchange,
    routingKeys: [p.routingKey],
    headers: p.headers === undefined ? null : dictFrom(p.headers),
    expirationMs: p.expirationMs ?? null,
    priority: p.priority ?? null,
    persistent: p.persistent ?? false,
    publisher: p.publisher ?? 'app',
    correlationId: p.correlationId ?? id,
  };
  const mandatory = p.mandatory ?? false;
  emit(w, 'message-published', () => ({
    type: 'message-published',
    from: amqpNodeId('publisher', msg.publisher!),
    to: amqpNodeId('exchange', p.exchange),
    messageId: id,
    body: msg.body,
    exchange: p.exchange,
    routingKey: p.routingKey,
    mandatory,
    correlationId: msg.correlationId,
    causationId: id,
  }));
  scheduleAt(w, w.nowMs + w.config.networkDelayMs, { type: 'publish-arrive', msg, mandatory });
  return msg;
}

/** The message reaches the broker. */
export function arrive(w: AmqpWorld, msg: AmqpMessage, mandatory: boolean): void {
  if (!w.brokerUp || (msg.exchange !== '' && dictGet(w.exchanges, msg.exchange) === undefined)) {
    emit(w, 'message-dropped', () => ({
      type: 'message-dropped',
      messageId: msg.id,
      body: msg.body,
      queue: null,
      reason: w.brokerUp ? 'no-route' : 'broker-down',
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
    return;
  }
  const confirms = msg.publisher !== null && (dictGet(w.publishers, msg.publisher)?.confirms ?? false);
  routeAndEnqueue(w, msg, msg.exchange, { kind: 'publish', mandatory, confirms });
}
