/**
 * The broker's side of a message's life: route and enqueue, dispatch to consumers round-robin
 * within their prefetch windows, settle acks and nacks, requeue, expire and dead-letter.
 *
 * Order rules follow RabbitMQ 3.10 (rabbit_amqqueue_process, rabbit_queue_consumers, rabbit_fifo):
 * a message that finds the queue empty and a consumer with room goes straight to it (so a TTL of
 * 0 still reaches a ready consumer); otherwise it waits behind the others. Consumers take turns;
 * one whose prefetch window is full leaves the rotation and rejoins at the tail when it settles a
 * message. Everything here runs at the world's current virtual time; consumer processing is a
 * task scheduled for later (consumers.ts).
 */
import { newId } from '../core/world.ts';
import { traceWants } from '../core/trace.ts';
import { dictGet } from './dict.ts';
import { deadLetterCopy, isDeadLetterCycle } from './dead-letter.ts';
import { emit, scheduleAt } from './emit.ts';
import { nextHeadExpiry, peekReady, pushReady, requeueReady, shiftReady, takeExpired } from './queue-store.ts';
import { route } from './routing.ts';
import {
  amqpNodeId,
  type AmqpConsumer,
  type AmqpMessage,
  type AmqpQueue,
  type AmqpWorld,
  type DeathReason,
  type QueuedMessage,
} from './types.ts';

/** Whether a consumer may be sent one more message. */
export function hasRoom(c: AmqpConsumer): boolean {
  return c.up && (c.noAck || c.prefetch === 0 || c.unacked.length < c.prefetch);
}

function poisonAction(c: AmqpConsumer, msg: AmqpMessage) {
  return c.poison !== null && c.poison.bodies.includes(msg.body) ? c.poison.action : null;
}

function deliver(w: AmqpWorld, q: AmqpQueue, c: AmqpConsumer, qm: QueuedMessage): void {
  const tag = ++c.nextTag;
  c.received++;
  emit(w, 'message-delivered', () => ({
    type: 'message-delivered',
    from: amqpNodeId('queue', q.name),
    to: amqpNodeId('consumer', c.name),
    messageId: qm.msg.id,
    body: qm.msg.body,
    queue: q.name,
    consumer: c.name,
    deliveryTag: tag,
    redelivered: qm.redelivered,
    headers: qm.msg.headers,
    deliveryCount: qm.deliveryCount,
    correlationId: qm.msg.correlationId,
    causationId: qm.msg.id,
  }));
  const poison = poisonAction(c, qm.msg);
  if (!c.noAck) {
    c.unacked.push({ deliveryTag: tag, qm });
    q.unackedCount++;
  }
  if ((c.onMessage !== 'manual' && !c.noAck) || poison !== null) {
    // The delivery reaches the consumer, it works, and its answer reaches the broker.
    const doneAtMs = w.nowMs + 2 * w.config.networkDelayMs + c.processingMs;
    scheduleAt(w, doneAtMs, { type: 'consumer-done', consumer: c.name, incarnation: c.incarnation, deliveryTag: tag });
  }
}

/** Hands ready messages to consumers with room, in turn, until one or the other runs out. */
export function dispatch(w: AmqpWorld, q: AmqpQueue): void {
  while (q.readyCount > 0 && q.active.length > 0) {
    const head = peekReady(q)!;
    if (head.expiresAtMs !== null && head.expiresAtMs <= w.nowMs) {
      dropExpired(w, q);
      continue;
    }
    const name = q.active[0]!;
    const c = dictGet(w.consumers, name)!;
    q.active.shift();
    if (!hasRoom(c)) {
      c.blocked = true;
      continue;
    }
    q.active.push(name);
    deliver(w, q, c, shiftReady(q)!);
  }
  scheduleExpiry(w, q);
}

/** Dead-letters (or drops) what has expired at the heads of the queue. */
export function dropExpired(w: AmqpWorld, q: AmqpQueue): void {
  for (const qm of takeExpired(q, w.nowMs)) {
    emit(w, 'message-expired', () => ({
      type: 'message-expired',
      messageId: qm.msg.id,
      body: qm.msg.body,
      queue: q.name,
      correlationId: qm.msg.correlationId,
      causationId: qm.msg.id,
    }));
    deadLetter(w, q, qm.msg, 'expired');
  }
}

/** Makes sure a task will look at the queue when its earliest head message expires. */
export function scheduleExpiry(w: AmqpWorld, q: AmqpQueue): void {
  const t = nextHeadExpiry(q);
  if (t === null) return;
  if (q.expiryAtMs !== null && q.expiryAtMs >= w.nowMs && q.expiryAtMs <= t) return;
  q.expiryAtMs = t;
  scheduleAt(w, t, { type: 'expire-head', queue: q.name });
}

/** Puts an arriving message in a queue. False when the queue refuses it (reject-publish). */
export function enqueue(w: AmqpWorld, q: AmqpQueue, msg: AmqpMessage): boolean {
  const cfg = q.config;
  if (cfg.overflow === 'reject-publish' && cfg.maxLength !== null && q.readyCount >= cfg.maxLength) {
    emit(w, 'message-dropped', () => ({
      type: 'message-dropped',
      messageId: msg.id,
      body: msg.body,
      queue: q.name,
      reason: 'maxlen',
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
    return false;
  }
  const ttl =
    cfg.messageTtlMs === null
      ? msg.expirationMs
      : msg.expirationMs === null
        ? cfg.messageTtlMs
        : Math.min(cfg.messageTtlMs, msg.expirationMs);
  const qm: QueuedMessage = {
    msg,
    pos: q.nextPos++,
    expiresAtMs: ttl === null ? null : w.nowMs + ttl,
    redelivered: false,
    deliveryCount: 0,
  };
  if (q.readyCount === 0) {
    // An empty queue hands the message straight to a consumer with room, before any TTL applies.
    while (q.active.length > 0) {
      const name = q.active.shift()!;
      const c = dictGet(w.consumers, name)!;
      if (!hasRoom(c)) {
        c.blocked = true;
        continue;
      }
      q.active.push(name);
      deliver(w, q, c, qm);
      return true;
    }
  }
  pushReady(q, qm);
  if (cfg.maxLength !== null)
    while (q.readyCount > cfg.maxLength) {
      const dropped = shiftReady(q)!;
      deadLetter(w, q, dropped.msg, 'maxlen');
    }
  dropExpired(w, q);
  dispatch(w, q);
  return true;
}

export type RouteMode =
  { kind: 'publish'; mandatory: boolean; confirms: boolean } | { kind: 'dead-letter'; reason: DeathReason; fromQueue: string };

/** Routes a message from `exchange` and enqueues it everywhere it goes. Returns the queues reached. */
export function routeAndEnqueue(w: AmqpWorld, msg: AmqpMessage, exchange: string, mode: RouteMode): string[] {
  const r = route(w, exchange, msg.routingKeys[0] ?? '', msg.headers, traceWants(w.trace));
  let queues = r.queues;
  if (mode.kind === 'dead-letter') {
    const cyclic = queues.filter((name) => isDeadLetterCycle(mode.reason, msg, name));
    for (const name of cyclic)
      emit(w, 'message-dropped', () => ({
        type: 'message-dropped',
        messageId: msg.id,
        body: msg.body,
        queue: name,
        reason: 'dead-letter-cycle',
        correlationId: msg.correlationId,
        causationId: msg.id,
      }));
    if (cyclic.length > 0) queues = queues.filter((name) => !cyclic.includes(name));
  }
  for (const h of r.hops) {
    if (h.destinationType === 'queue' && !queues.includes(h.to)) continue;
    emit(w, 'message-routed', () => ({
      type: 'message-routed',
      from: amqpNodeId('exchange', h.from),
      to: amqpNodeId(h.destinationType, h.to),
      messageId: msg.id,
      body: msg.body,
      exchange: h.from,
      destinationType: h.destinationType,
      viaAlternate: h.viaAlternate,
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
  }
  let accepted = true;
  for (const name of queues) accepted = enqueue(w, dictGet(w.queues, name)!, msg) && accepted;
  if (r.queues.length === 0) onUnroutable(w, msg, exchange, mode);
  if (mode.kind === 'publish' && mode.confirms && msg.publisher !== null) {
    const publisher = msg.publisher;
    emit(w, 'message-confirmed', () => ({
      type: 'message-confirmed',
      from: amqpNodeId('exchange', exchange),
      to: amqpNodeId('publisher', publisher),
      messageId: msg.id,
      body: msg.body,
      ack: accepted,
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
  }
  return queues;
}

function onUnroutable(w: AmqpWorld, msg: AmqpMessage, exchange: string, mode: RouteMode): void {
  if (mode.kind === 'dead-letter') {
    emit(w, 'message-dropped', () => ({
      type: 'message-dropped',
      messageId: msg.id,
      body: msg.body,
      queue: null,
      reason: 'no-route',
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
    return;
  }
  const routingKey = msg.routingKeys[0] ?? '';
  emit(w, 'message-unroutable', () => ({
    type: 'message-unroutable',
    messageId: msg.id,
    body: msg.body,
    exchange,
    routingKey,
    correlationId: msg.correlationId,
    causationId: msg.id,
  }));
  if (mode.mandatory && msg.publisher !== null) {
    const publisher = msg.publisher;
    // basic.return goes back before the confirm, as RabbitMQ sends them.
    emit(w, 'message-returned', () => ({
      type: 'message-returned',
      from: amqpNodeId('exchange', exchange),
      to: amqpNodeId('publisher', publisher),
      messageId: msg.id,
      body: msg.body,
      replyCode: 312,
      replyText: 'NO_ROUTE',
      exchange,
      routingKey,
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
  }
}

/** Sends a message that died in `q` to the queue's dead-letter exchange, or drops it. */
export function deadLetter(w: AmqpWorld, q: AmqpQueue, msg: AmqpMessage, reason: DeathReason): void {
  const dlx = q.config.deadLetterExchange;
  const drop = (why: 'no-dead-letter-exchange' | 'dead-letter-exchange-missing') =>
    emit(w, 'message-dropped', () => ({
      type: 'message-dropped',
      messageId: msg.id,
      body: msg.body,
      queue: q.name,
      reason: why === 'no-dead-letter-exchange' ? reason : why,
      correlationId: msg.correlationId,
      causationId: msg.id,
    }));
  if (dlx === null) return void drop('no-dead-letter-exchange');
  if (dlx !== '' && dictGet(w.exchanges, dlx) === undefined) return void drop('dead-letter-exchange-missing');
  const copy = deadLetterCopy(msg, reason, q.name, dlx, q.config.deadLetterRoutingKey, newId(w, 'm'), w.nowMs);
  emit(w, 'message-dead-lettered', () => ({
    type: 'message-dead-lettered',
    from: amqpNodeId('queue', q.name),
    to: amqpNodeId('exchange', dlx),
    messageId: msg.id,
    body: msg.body,
    queue: q.name,
    reason,
    exchange: dlx,
    routingKeys: copy.routingKeys,
    newMessageId: copy.id,
    correlationId: msg.correlationId,
    causationId: msg.id,
  }));
  routeAndEnqueue(w, copy, dlx, { kind: 'dead-letter', reason, fromQueue: q.name });
}

/** Returns an unacknowledged message to its queue (nack/reject with requeue, or its consumer died). */
export function requeue(w: AmqpWorld, q: AmqpQueue, qm: QueuedMessage, consumer: string, cause: 'nack' | 'consumer-down'): void {
  if (q.config.type === 'quorum') {
    qm.deliveryCount++;
    if (q.config.deliveryLimit !== null && qm.deliveryCount > q.config.deliveryLimit) {
      deadLetter(w, q, qm.msg, 'delivery_limit');
      return;
    }
  }
  qm.redelivered = true;
  requeueReady(q, qm);
  emit(w, 'message-requeued', () => ({
    type: 'message-requeued',
    from: amqpNodeId('consumer', consumer),
    to: amqpNodeId('queue', q.name),
    messageId: qm.msg.id,
    body: qm.msg.body,
    queue: q.name,
    deliveryCount: qm.deliveryCount,
    cause,
    correlationId: qm.msg.correlationId,
    causationId: qm.msg.id,
  }));
}

/** A consumer that had a full window and now has room rejoins the rotation at its tail. */
export function unblock(q: AmqpQueue, c: AmqpConsumer): void {
  if (c.blocked && hasRoom(c)) {
    c.blocked = false;
    q.active.push(c.name);
  }
}
