/**
 * Consumers: subscribing with a prefetch window, finishing a message and answering (ack, nack,
 * reject, with or without requeue), a poison message, and dying and coming back.
 *
 * A consumer that dies (crash, closed channel, lost connection) gives back every message it had
 * not acknowledged: RabbitMQ requeues them, in a classic queue at their old positions and marked
 * `redelivered`, in a quorum queue onto its returns with the delivery count raised.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { dictGet, dictSet } from './dict.ts';
import { deadLetter, dispatch, requeue, unblock } from './broker.ts';
import { emit, scheduleAt } from './emit.ts';
import { amqpNodeId, type AmqpConsumer, type AmqpWorld, type ConsumerAction } from './types.ts';

export interface ConsumerDecl {
  name: string;
  queue: string;
  prefetch?: number | undefined;
  noAck?: boolean | undefined;
  processingMs?: number | undefined;
  onMessage?: ConsumerAction | 'manual' | undefined;
  poison?: { bodies: string[]; action: ConsumerAction | 'crash' } | undefined;
  restartAfterMs?: number | undefined;
}

/** basic.consume (with basic.qos first): the consumer joins the queue's rotation at its tail. */
export function startConsumer(w: AmqpWorld, d: ConsumerDecl): Result<AmqpConsumer> {
  if (dictGet(w.consumers, d.name) !== undefined)
    return fail(ErrorCode.InvalidCommand, `a consumer called '${d.name}' already exists`, 'name');
  const q = dictGet(w.queues, d.queue);
  if (q === undefined) return fail(ErrorCode.UnknownNode, `NOT_FOUND - no queue '${d.queue}' in vhost '/'`, 'queue');
  if (!w.brokerUp) return fail(ErrorCode.NotAvailable, 'the broker is down: no consumer can subscribe');
  const c: AmqpConsumer = {
    name: d.name,
    queue: d.queue,
    prefetch: d.prefetch ?? 0,
    noAck: d.noAck ?? false,
    processingMs: d.processingMs ?? 10,
    onMessage: d.onMessage ?? 'ack',
    poison: d.poison === undefined ? null : { bodies: [...d.poison.bodies], action: d.poison.action },
    restartAfterMs: d.restartAfterMs ?? null,
    up: true,
    incarnation: 0,
    nextTag: 0,
    unacked: [],
    blocked: false,
    received: 0,
    downWithBroker: false,
  };
  dictSet(w.consumers, d.name, c);
  q.active.push(d.name);
  emit(w, 'consumer-started', () => ({ type: 'consumer-started', consumer: c.name, queue: c.queue, prefetch: c.prefetch }));
  dispatch(w, q);
  return ok(c);
}

/**
 * Settles delivery `tag` (and, with `multiple`, every earlier one) as `action`. An unknown tag is
 * an error value: RabbitMQ would close the channel with PRECONDITION_FAILED.
 */
export function settle(w: AmqpWorld, c: AmqpConsumer, tag: number, action: ConsumerAction, multiple = false): Result<number> {
  const idx = c.unacked.findIndex((u) => u.deliveryTag === tag);
  if (idx < 0)
    return fail(
      ErrorCode.InvalidCommand,
      `PRECONDITION_FAILED - unknown delivery tag ${tag} (consumer ${c.name})`,
      'deliveryTag',
    );
  const q = dictGet(w.queues, c.queue)!;
  const taken = multiple ? c.unacked.filter((u) => u.deliveryTag <= tag) : [c.unacked[idx]!];
  if (multiple) c.unacked = c.unacked.filter((u) => u.deliveryTag > tag);
  else if (idx === 0) c.unacked.shift();
  else c.unacked.splice(idx, 1);
  q.unackedCount -= taken.length;
  const requeueIt = action === 'nack-requeue' || action === 'reject-requeue';
  for (const { deliveryTag, qm } of taken) {
    if (action === 'ack') {
      emit(w, 'message-acked', () => ({
        type: 'message-acked',
        from: amqpNodeId('consumer', c.name),
        to: amqpNodeId('queue', q.name),
        messageId: qm.msg.id,
        body: qm.msg.body,
        queue: q.name,
        consumer: c.name,
        deliveryTag,
        correlationId: qm.msg.correlationId,
        causationId: qm.msg.id,
      }));
      continue;
    }
    const method = action.startsWith('nack') ? 'nack' : 'reject';
    emit(w, 'message-nacked', () => ({
      type: 'message-nacked',
      from: amqpNodeId('consumer', c.name),
      to: amqpNodeId('queue', q.name),
      messageId: qm.msg.id,
      body: qm.msg.body,
      queue: q.name,
      consumer: c.name,
      deliveryTag,
      requeue: requeueIt,
      method,
      correlationId: qm.msg.correlationId,
      causationId: qm.msg.id,
    }));
    if (requeueIt) requeue(w, q, qm, c.name, 'nack');
    else deadLetter(w, q, qm.msg, 'rejected');
  }
  unblock(q, c);
  dispatch(w, q);
  return ok(taken.length);
}

/** The consumer finished a message (a task): it answers as configured, or crashes on poison. */
export function consumerDone(w: AmqpWorld, name: string, incarnation: number, tag: number): void {
  const c = dictGet(w.consumers, name);
  if (c === undefined || !c.up || c.incarnation !== incarnation) return;
  const u = c.unacked.find((x) => x.deliveryTag === tag);
  const poison = c.poison !== null && u !== undefined && c.poison.bodies.includes(u.qm.msg.body) ? c.poison.action : null;
  if (poison === 'crash') return crashConsumer(w, c, c.restartAfterMs);
  if (u === undefined) return; // auto-ack, or the learner already settled it
  const action = poison ?? c.onMessage;
  if (action !== 'manual') settle(w, c, tag, action);
}

/** The consumer's channel dies: its unacknowledged messages go back to the queue. */
export function crashConsumer(w: AmqpWorld, c: AmqpConsumer, restartAfterMs: number | null): void {
  const q = dictGet(w.queues, c.queue);
  c.up = false;
  c.incarnation++;
  c.blocked = false;
  const returned = c.unacked;
  c.unacked = [];
  if (q !== undefined) {
    q.active = q.active.filter((n) => n !== c.name);
    q.unackedCount -= returned.length;
    // rabbit_fifo returns them in message-id order; a classic queue puts each back at its position.
    for (const u of returned) requeue(w, q, u.qm, c.name, 'consumer-down');
  }
  emit(w, 'consumer-crashed', () => ({ type: 'consumer-crashed', consumer: c.name, queue: c.queue, returned: returned.length }));
  if (restartAfterMs !== null)
    scheduleAt(w, w.nowMs + restartAfterMs, { type: 'restart-consumer', consumer: c.name, incarnation: c.incarnation });
  if (q !== undefined) dispatch(w, q);
}

/** A crashed consumer subscribes again and joins the rotation at its tail. */
export function restartConsumer(w: AmqpWorld, c: AmqpConsumer): Result<true> {
  if (c.up) return fail(ErrorCode.InvalidCommand, `consumer ${c.name} is already running`, 'consumer');
  if (!w.brokerUp) return fail(ErrorCode.NotAvailable, 'the broker is down: the consumer cannot subscribe');
  const q = dictGet(w.queues, c.queue);
  if (q === undefined) return fail(ErrorCode.UnknownNode, `NOT_FOUND - no queue '${c.queue}' in vhost '/'`, 'consumer');
  c.up = true;
  c.downWithBroker = false;
  c.nextTag = 0; // a new channel numbers its deliveries from 1 again
  q.active.push(c.name);
  emit(w, 'consumer-started', () => ({ type: 'consumer-started', consumer: c.name, queue: c.queue, prefetch: c.prefetch }));
  dispatch(w, q);
  return ok(true);
}
