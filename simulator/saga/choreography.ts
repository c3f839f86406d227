/**
 * The choreographed order saga: the same services and business rules as the orchestrated one,
 * coordinated only by messages on the event bus.
 *
 * No component holds the saga's state. Each service reacts to a message with a local transaction
 * and publishes what happened; compensation is just another reaction (ShippingFailed → refund).
 * Durability comes from the bus (a subscriber that is down gets the message later), so there are
 * no timeouts here — and also no single place to ask "where is order 1?", which is what
 * `choreographyView` shows by having to query every service.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { createWorldBase } from '../core/world.ts';
import {
  busAck,
  busPublish,
  busRetry,
  createEventBus,
  type BusDelivery,
  type BusMessage,
  type BusMessageName,
} from './event-bus.ts';
import {
  SERVICE_NAMES,
  armFault,
  createServices,
  crashService,
  faultProblem,
  handleAction,
  type ServiceName,
} from './services.ts';
import {
  REACTIONS,
  type ChoreographyCommand,
  type ChoreographyConfig,
  type ChoreographyEntry,
  type ChoreographyOptions,
  type ChoreographyTask,
  type ChoreographyWorld,
} from './choreography-types.ts';
import {
  applyClockCommand,
  cloneWorld,
  emit,
  isClockCommand,
  nothingRan,
  scheduleTask,
  type EntryDraft,
  type RunReport,
} from './world-kit.ts';
import { getName, setName } from '../core/name-index.ts';
import { addReaction, reactionTo, removeReaction } from './choreography-reactions.ts';

/** The config a scenario leaves unsaid (the model's schema checks delays against it). */
export const CHOREOGRAPHY_DEFAULTS: ChoreographyConfig = {
  deliveryDelayMsMin: 5,
  deliveryDelayMsMax: 15,
  redeliveryMs: 150,
  restartAfterMs: 300,
  tasksMaxPerCommand: 100_000,
};

/** Creates a choreography world at time 0; subscriptions are derived from the reaction table. */
export function createChoreography(opts: ChoreographyOptions): ChoreographyWorld {
  const config: ChoreographyConfig = { ...CHOREOGRAPHY_DEFAULTS };
  for (const k of Object.keys(CHOREOGRAPHY_DEFAULTS) as Array<keyof ChoreographyConfig>)
    if (opts[k] !== undefined) config[k] = opts[k];
  for (const f of opts.faults ?? []) {
    const p = faultProblem(f);
    if (p !== undefined) throw new RangeError(`choreography fault: ${p}`);
  }
  const subscriptions: Partial<Record<BusMessageName, ServiceName[]>> = {};
  for (const r of REACTIONS) (subscriptions[r.on] ??= []).push(r.service);
  return {
    ...createWorldBase<ChoreographyTask, ChoreographyEntry>({ seed: opts.seed }),
    config,
    services: createServices(opts),
    bus: createEventBus(subscriptions, config),
    published: {},
  };
}

function say(w: ChoreographyWorld, m: BusMessage | undefined, entry: EntryDraft<ChoreographyEntry>): void {
  const e = { ...entry } as EntryDraft<ChoreographyEntry>;
  if (m !== undefined) {
    e.correlationId = m.order.orderId;
    e.causationId = m.messageId;
  }
  emit(w, e);
}

function scheduleDeliveries(w: ChoreographyWorld, deliveries: BusDelivery[]): void {
  for (const d of deliveries)
    scheduleTask(w, { type: 'bus-deliver', index: d.index, subscriber: d.subscriber, attempt: d.attempt, atMs: d.atMs });
}

function publish(w: ChoreographyWorld, message: BusMessage, afterRedelivery: boolean): void {
  const entry: EntryDraft<ChoreographyEntry> = {
    type: 'message-published',
    messageId: message.messageId,
    name: message.name,
    publisher: message.publisher,
    afterRedelivery,
  };
  emit(w, {
    ...entry,
    correlationId: message.order.orderId,
    ...(message.causationId ? { causationId: message.causationId } : {}),
  });
  scheduleDeliveries(w, busPublish(w, message));
}

function retryLater(w: ChoreographyWorld, index: number, subscriber: ServiceName, why: string): void {
  const d = busRetry(w, index, subscriber);
  const m = w.bus.log[index]!;
  say(w, m, { type: 'message-redelivery-scheduled', messageId: m.messageId, name: m.name, subscriber, why, retryAtMs: d.atMs });
  scheduleDeliveries(w, [d]);
}

function crash(
  w: ChoreographyWorld,
  service: ServiceName,
  restartAfterMs: number | undefined,
  afterCommit: boolean,
  m?: BusMessage,
): void {
  const incarnation = crashService(w.services, service);
  const restartAtMs = w.nowMs + (restartAfterMs ?? w.config.restartAfterMs);
  say(w, m, { type: 'service-crashed', service, restartAtMs, afterCommit });
  scheduleTask(w, { type: 'restart-service', service, incarnation, atMs: restartAtMs });
}

/** The local transaction behind one reaction, then the announcement of its outcome. */
function handle(w: ChoreographyWorld, index: number, subscriber: ServiceName): void {
  const m = w.bus.log[index]!;
  const reaction = reactionTo(w, m.name, subscriber);
  // The reaction was removed after this delivery was scheduled: acknowledged, ignored.
  if (reaction === undefined) return busAck(w, index, subscriber);
  const key = `${m.order.orderId}/${reaction.action}`;
  const r = handleAction(w.services, reaction.action, m.order);
  const { action } = reaction;
  if (r.kind === 'crashed-before-commit') {
    crash(w, subscriber, r.fault.restartAfterMs, false, m);
    return retryLater(w, index, subscriber, 'lost in a crash');
  }
  if (r.kind === 'transient') {
    say(w, m, {
      type: 'local-transaction-failed',
      service: subscriber,
      action,
      reason: r.outcome.kind === 'ok' ? '' : r.outcome.reason,
    });
    return retryLater(w, index, subscriber, 'transient error');
  }
  if (r.kind === 'deduplicated') say(w, m, { type: 'message-deduplicated', service: subscriber, action, messageId: m.messageId });
  else if (r.outcome.kind === 'ok') say(w, m, { type: 'local-transaction-committed', service: subscriber, action });
  else say(w, m, { type: 'local-transaction-failed', service: subscriber, action, reason: r.outcome.reason });
  // The crash lands after the commit: the outcome is stored but neither announced nor acknowledged.
  if (r.kind === 'crashed-after-commit') {
    crash(w, subscriber, r.fault.restartAfterMs, true, m);
    return retryLater(w, index, subscriber, 'crashed before acknowledging');
  }
  busAck(w, index, subscriber);
  const name = r.outcome.kind === 'ok' ? reaction.ok : r.outcome.kind === 'rejected' ? reaction.rejected : undefined;
  if (name === undefined || (getName(w.published, key) && w.services.idempotentHandlers)) return;
  setName(w.published, key, true);
  const reason = r.outcome.kind === 'rejected' ? r.outcome.reason : undefined;
  const message: BusMessage = {
    messageId: `${name}:${m.order.orderId}`,
    name,
    order: { ...m.order },
    publisher: subscriber,
    publishedAtMs: w.nowMs,
    causationId: m.messageId,
    ...(reason === undefined ? {} : { reason }),
  };
  // Published on a redelivery: the first handling committed but crashed before announcing.
  publish(w, message, r.kind === 'deduplicated');
}

/** Runs one scheduled task. */
export function runChoreographyTask(w: ChoreographyWorld, task: ChoreographyTask & Scheduled): void {
  const rtOf = (s: ServiceName) => w.services.runtime[s];
  switch (task.type) {
    case 'bus-deliver': {
      const m = w.bus.log[task.index]!;
      const rt = rtOf(task.subscriber);
      if (!rt.up) return retryLater(w, task.index, task.subscriber, 'subscriber down');
      say(w, m, {
        type: 'message-delivered',
        messageId: m.messageId,
        name: m.name,
        subscriber: task.subscriber,
        attempt: task.attempt,
      });
      scheduleTask(w, {
        type: 'handle-message',
        index: task.index,
        subscriber: task.subscriber,
        incarnation: rt.incarnation,
        atMs: w.nowMs + rt.processingMs,
      });
      return;
    }
    case 'handle-message': {
      const rt = rtOf(task.subscriber);
      if (!rt.up || rt.incarnation !== task.incarnation) return retryLater(w, task.index, task.subscriber, 'lost in a crash');
      return handle(w, task.index, task.subscriber);
    }
    case 'restart-service': {
      const rt = rtOf(task.service);
      if (rt.up || rt.incarnation !== task.incarnation) return;
      rt.up = true;
      say(w, undefined, { type: 'service-restarted', service: task.service });
      return;
    }
  }
}

/** Applies one command in place; impossible commands return a SimError and change nothing. */
export function applyChoreographyCommand(w: ChoreographyWorld, c: ChoreographyCommand): Result<RunReport> {
  if (isClockCommand(c)) return applyClockCommand(w, runChoreographyTask, c, w.config.tasksMaxPerCommand);
  const known = (s: string): s is ServiceName => (SERVICE_NAMES as readonly string[]).includes(s);
  switch (c.type) {
    case 'place-order': {
      if (typeof c.orderId !== 'string' || c.orderId === '')
        return fail(ErrorCode.InvalidCommand, 'an order needs an id', 'orderId');
      if (w.bus.log.some((m) => m.name === 'PlaceOrder' && m.order.orderId === c.orderId)) {
        return fail(ErrorCode.InvalidCommand, `order ${c.orderId} was already placed`, 'orderId');
      }
      const qty = c.qty ?? 1;
      const amountCents = c.amountCents ?? 2_500;
      if (!(Number.isInteger(qty) && qty >= 1 && Number.isInteger(amountCents) && amountCents >= 0)) {
        return fail(ErrorCode.InvalidCommand, 'qty and amountCents must be whole numbers (qty at least 1)');
      }
      const order = { orderId: c.orderId, sku: c.sku ?? 'sku-1', qty, amountCents };
      publish(
        w,
        { messageId: `PlaceOrder:${c.orderId}`, name: 'PlaceOrder', order, publisher: 'client', publishedAtMs: w.nowMs },
        false,
      );
      return nothingRan();
    }
    case 'inject-fault': {
      const p = faultProblem(c.fault);
      if (p !== undefined) return fail(ErrorCode.InvalidCommand, p, 'fault');
      w.services.faults.push(armFault(c.fault));
      emit(w, { type: 'fault-injected', fault: { ...c.fault } });
      return nothingRan();
    }
    case 'crash-service':
    case 'restart-service': {
      if (!known(c.service)) return fail(ErrorCode.UnknownNode, `unknown service "${c.service}"`, 'service');
      const rt = w.services.runtime[c.service];
      if (c.type === 'crash-service') {
        if (!rt.up) return fail(ErrorCode.NotAvailable, `the ${c.service} service is already down`, 'service');
        crash(w, c.service, c.restartAfterMs, false);
      } else {
        if (rt.up) return fail(ErrorCode.InvalidCommand, `the ${c.service} service is already running`, 'service');
        rt.up = true;
        emit(w, { type: 'service-restarted', service: c.service });
      }
      return nothingRan();
    }
    case 'add-reaction':
      return addReaction(w, c.reaction);
    case 'remove-reaction':
      return removeReaction(w, c.on, c.service);
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

/** An independent deep copy. */
export function cloneChoreography(w: ChoreographyWorld): ChoreographyWorld {
  return cloneWorld(w);
}
