/**
 * Applying one AMQP command: validate it against the schema and the world, then change the world
 * or run the clock. Every refusal is an error value (ErrorCode from core/errors.ts) whose message
 * starts with RabbitMQ's reply text where RabbitMQ would refuse too; nothing is changed then.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { runNext, runUntil } from '../core/world.ts';
import { dictDelete, dictGet } from './dict.ts';
import { dropExpired } from './broker.ts';
import { crashBroker, restartBroker } from './broker-faults.ts';
import { crashConsumer, restartConsumer, settle, startConsumer } from './consumers.ts';
import { emit } from './emit.ts';
import { sendPublish } from './publish.ts';
import { clearReady, shiftReady } from './queue-store.ts';
import { AmqpCommandSchema, type AmqpCommand, type AmqpCommandInput } from './schema.ts';
import { addBinding, declareExchange, declareQueue, removeBinding, shortstrProblem, unbindQueueEverywhere } from './topology.ts';
import type { AmqpTask, AmqpWorld } from './types.ts';

export interface CommandReport {
  tasksRun: number;
  stoppedBy: 'idle' | 'until' | 'tasks-max';
}

const NOTHING_RAN: CommandReport = { tasksRun: 0, stoppedBy: 'idle' };

function done<T>(r: Result<T>): Result<CommandReport> {
  return r.ok ? ok({ ...NOTHING_RAN }) : r;
}

function brokerDown(): Result<never> {
  return fail(ErrorCode.NotAvailable, 'the broker is down: restart it first');
}

export function applyCommand(
  w: AmqpWorld,
  input: AmqpCommandInput,
  run: (w: AmqpWorld, task: AmqpTask & Scheduled) => void,
): Result<CommandReport> {
  const parsed = AmqpCommandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    return fail(ErrorCode.InvalidCommand, `${path === '' ? 'command' : path}: ${issue.message}`, path || undefined);
  }
  const c: AmqpCommand = parsed.data;
  const tasksMax = w.config.tasksMaxPerCommand;
  switch (c.type) {
    case 'step': {
      const ran = runNext(w, run);
      return ok({ tasksRun: ran ? 1 : 0, stoppedBy: ran ? 'tasks-max' : 'idle' });
    }
    case 'advance':
      if (c.untilMs < w.nowMs)
        return fail(
          ErrorCode.InvalidCommand,
          `cannot advance to ${c.untilMs} ms: the clock is already at ${w.nowMs} ms`,
          'untilMs',
        );
      return ok(runUntil(w, run, { untilMs: c.untilMs, tasksMax }));
    case 'run-until-idle':
      return ok(runUntil(w, run, { tasksMax }));
    case 'publish': {
      if (!w.brokerUp) return brokerDown();
      const bad = shortstrProblem('the routing key', c.routingKey, 'routingKey');
      if (bad) return bad;
      const x = c.exchange === '' ? null : dictGet(w.exchanges, c.exchange);
      if (x === undefined) return fail(ErrorCode.UnknownNode, `NOT_FOUND - no exchange '${c.exchange}' in vhost '/'`, 'exchange');
      if (x !== null && x.internal)
        return fail(
          ErrorCode.InvalidCommand,
          `ACCESS_REFUSED - cannot publish to internal exchange '${c.exchange}' in vhost '/'`,
          'exchange',
        );
      const { type: _t, ...spec } = c;
      sendPublish(w, { ...spec, publisher: spec.publisher ?? 'app' });
      return ok({ ...NOTHING_RAN });
    }
    case 'ack':
    case 'nack':
    case 'reject': {
      const consumer = dictGet(w.consumers, c.consumer);
      if (consumer === undefined) return fail(ErrorCode.UnknownConsumer, `no consumer '${c.consumer}'`, 'consumer');
      if (!consumer.up)
        return fail(ErrorCode.NotAvailable, `consumer ${c.consumer} is down: its channel and deliveries are gone`, 'consumer');
      const action =
        c.type === 'ack'
          ? 'ack'
          : c.type === 'nack'
            ? c.requeue
              ? 'nack-requeue'
              : 'nack'
            : c.requeue
              ? 'reject-requeue'
              : 'reject';
      return done(settle(w, consumer, c.deliveryTag, action, c.type === 'reject' ? false : (c.multiple ?? false)));
    }
    case 'get': {
      if (!w.brokerUp) return brokerDown();
      const q = dictGet(w.queues, c.queue);
      if (q === undefined) return fail(ErrorCode.UnknownNode, `NOT_FOUND - no queue '${c.queue}' in vhost '/'`, 'queue');
      dropExpired(w, q);
      const qm = shiftReady(q);
      if (qm !== undefined)
        emit(w, 'message-fetched', () => ({
          type: 'message-fetched',
          messageId: qm.msg.id,
          body: qm.msg.body,
          queue: q.name,
          redelivered: qm.redelivered,
          headers: qm.msg.headers,
          deliveryCount: qm.deliveryCount,
          correlationId: qm.msg.correlationId,
          causationId: qm.msg.id,
        }));
      return ok({ ...NOTHING_RAN });
    }
    case 'declare-exchange': {
      if (!w.brokerUp) return brokerDown();
      if (c.alternateExchange !== undefined && dictGet(w.exchanges, c.alternateExchange) === undefined)
        return fail(
          ErrorCode.UnknownNode,
          `no exchange '${c.alternateExchange}' to use as alternate exchange`,
          'alternateExchange',
        );
      const r = declareExchange(w, { ...c, type: c.exchangeType });
      if (r.ok && r.value === 'created')
        emit(w, 'exchange-declared', () => ({ type: 'exchange-declared', exchange: c.name, exchangeType: c.exchangeType }));
      return done(r);
    }
    case 'declare-queue': {
      if (!w.brokerUp) return brokerDown();
      const r = declareQueue(w, c);
      if (r.ok && r.value === 'created')
        emit(w, 'queue-declared', () => ({
          type: 'queue-declared',
          queue: c.name,
          queueType: dictGet(w.queues, c.name)!.config.type,
        }));
      return done(r);
    }
    case 'delete-queue': {
      if (!w.brokerUp) return brokerDown();
      const q = dictGet(w.queues, c.name);
      if (q === undefined) return fail(ErrorCode.UnknownNode, `NOT_FOUND - no queue '${c.name}' in vhost '/'`, 'name');
      for (const n of Object.keys(w.consumers)) {
        const consumer = dictGet(w.consumers, n)!;
        if (consumer.queue === c.name && consumer.up) crashConsumer(w, consumer, null);
      }
      const lost = clearReady(q).length + q.unackedCount;
      dictDelete(w.queues, c.name);
      unbindQueueEverywhere(w, c.name);
      emit(w, 'queue-deleted', () => ({ type: 'queue-deleted', queue: c.name, messagesLost: lost }));
      return ok({ ...NOTHING_RAN });
    }
    case 'bind':
    case 'unbind': {
      if (!w.brokerUp) return brokerDown();
      const { type, ...b } = c;
      const r = type === 'bind' ? addBinding(w, b) : removeBinding(w, b);
      if (r.ok && r.value !== 'exists')
        emit(w, type === 'bind' ? 'binding-added' : 'binding-removed', () => ({
          type: type === 'bind' ? 'binding-added' : 'binding-removed',
          source: b.source,
          destination: b.destination,
          destinationType: b.destinationType,
          routingKey: b.routingKey,
        }));
      return done(r);
    }
    case 'consume': {
      const { type: _t, ...decl } = c;
      return done(startConsumer(w, decl));
    }
    case 'crash-consumer':
    case 'restart-consumer':
    case 'slow-consumer': {
      const consumer = dictGet(w.consumers, c.consumer);
      if (consumer === undefined) return fail(ErrorCode.UnknownConsumer, `no consumer '${c.consumer}'`, 'consumer');
      if (c.type === 'restart-consumer') return done(restartConsumer(w, consumer));
      if (c.type === 'slow-consumer') {
        consumer.processingMs = c.processingMs;
        emit(w, 'consumer-slowed', () => ({ type: 'consumer-slowed', consumer: consumer.name, processingMs: c.processingMs }));
        return ok({ ...NOTHING_RAN });
      }
      if (!consumer.up) return fail(ErrorCode.InvalidCommand, `consumer ${c.consumer} is already down`, 'consumer');
      crashConsumer(w, consumer, c.restartAfterMs ?? null);
      return ok({ ...NOTHING_RAN });
    }
    case 'crash-broker':
      return done(crashBroker(w, c.restartAfterMs ?? null));
    case 'restart-broker':
      return done(restartBroker(w));
  }
}
