/**
 * An idempotent consumer as a model: a notification service that sends one SMS per OrderShipped
 * event, with a dedup store keyed by event id in front of the effect.
 *
 * At-least-once delivery means the same event can arrive twice (a rebalance, a retry, an outbox
 * relay that crashed after publishing). Sending an SMS is an increment, not a SET, so a duplicate
 * that gets through is visible as a second SMS. With the store on, a redelivery inside the
 * retention window is a no-op; after the window it is applied again — the honest trade-off of any
 * TTL-based dedup table. Turning the store off shows the problem it solves.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import type { TraceBase } from '../core/trace.ts';
import { createWorldBase, type WorldBase } from '../core/world.ts';
import {
  applyClockCommand,
  cloneWorld,
  emit,
  isClockCommand,
  nothingRan,
  scheduleTask,
  type ClockCommand,
  type RunReport,
} from '../saga/world-kit.ts';
import { createDedupStore, dedupExpire, dedupHas, dedupRecord, type DedupStore } from './dedup-store.ts';
import { getName, setName } from '../core/name-index.ts';

export interface IdempotentConsumerConfig {
  /** Whether the dedup store is consulted (off shows what goes wrong without it). */
  dedup: boolean;
  /** How long an applied event id is remembered, in virtual ms. */
  retentionMs: number;
  processingMs: number;
  deliveryDelayMs: number;
  tasksMaxPerCommand: number;
}

export interface IdempotentConsumerOptions extends Partial<IdempotentConsumerConfig> {
  seed: number;
}

export type IdempotentConsumerTask =
  | { type: 'arrive'; eventId: string; customerId: string; delivery: number }
  | { type: 'process'; eventId: string; customerId: string; delivery: number }
  | { type: 'expire'; eventId: string };

interface E<T extends string> extends TraceBase {
  type: T;
}

/** correlationId is the customer; causationId the event id. */
export type IdempotentConsumerEntry =
  | (E<'message-received'> & { eventId: string; delivery: number })
  | (E<'event-applied'> & {
      eventId: string;
      customerId: string;
      smsSent: number;
      appliedTimes: number;
      rememberedUntilMs?: number;
    })
  | (E<'duplicate-skipped'> & { eventId: string; rememberedUntilMs: number })
  | (E<'dedup-entry-expired'> & { eventId: string });

export interface IdempotentConsumerWorld extends WorldBase<IdempotentConsumerTask, IdempotentConsumerEntry> {
  config: IdempotentConsumerConfig;
  store: DedupStore;
  /** Every event id ever delivered, with its customer, so a redelivery can repeat it. */
  events: Record<string, { customerId: string; deliveries: number }>;
  /** The effect: SMS messages sent per customer. */
  smsSentByCustomer: Record<string, number>;
  /** How many times each event's effect was applied (more than 1 is a visible duplicate). */
  appliedTimes: Record<string, number>;
}

export type IdempotentConsumerCommand =
  | ClockCommand
  /** The broker delivers an OrderShipped event for the first time. */
  | { type: 'deliver'; eventId: string; customerId?: string }
  /** The broker delivers an already-delivered event again (a rebalance, a relay retry). */
  | { type: 'redeliver'; eventId: string };

const DEFAULTS: IdempotentConsumerConfig = {
  dedup: true,
  retentionMs: 60_000,
  processingMs: 10,
  deliveryDelayMs: 5,
  tasksMaxPerCommand: 100_000,
};

export function createIdempotentConsumer(opts: IdempotentConsumerOptions): IdempotentConsumerWorld {
  const config: IdempotentConsumerConfig = { ...DEFAULTS };
  for (const k of Object.keys(DEFAULTS) as Array<keyof IdempotentConsumerConfig>) {
    if (opts[k] !== undefined) (config as unknown as Record<string, unknown>)[k] = opts[k];
  }
  return {
    ...createWorldBase<IdempotentConsumerTask, IdempotentConsumerEntry>({ seed: opts.seed }),
    config,
    store: createDedupStore(config.retentionMs),
    events: {},
    smsSentByCustomer: {},
    appliedTimes: {},
  };
}

/** Runs one scheduled task. */
export function runIdempotentConsumerTask(w: IdempotentConsumerWorld, task: IdempotentConsumerTask & Scheduled): void {
  const ids =
    task.type === 'expire' ? { causationId: task.eventId } : { correlationId: task.customerId, causationId: task.eventId };
  switch (task.type) {
    case 'arrive':
      emit(w, { type: 'message-received', eventId: task.eventId, delivery: task.delivery, ...ids });
      scheduleTask(w, {
        type: 'process',
        eventId: task.eventId,
        customerId: task.customerId,
        delivery: task.delivery,
        atMs: w.nowMs + w.config.processingMs,
      });
      return;
    case 'process': {
      if (w.config.dedup && dedupHas(w.store, task.eventId, w.nowMs)) {
        emit(w, {
          type: 'duplicate-skipped',
          eventId: task.eventId,
          rememberedUntilMs: getName(w.store.expiresAtMs, task.eventId)!,
          ...ids,
        });
        return;
      }
      // The effect and the dedup row are one local transaction: no crash can fall between them.
      const smsSent = (getName(w.smsSentByCustomer, task.customerId) ?? 0) + 1;
      setName(w.smsSentByCustomer, task.customerId, smsSent);
      const appliedTimes = (getName(w.appliedTimes, task.eventId) ?? 0) + 1;
      setName(w.appliedTimes, task.eventId, appliedTimes);
      if (!w.config.dedup) {
        emit(w, { type: 'event-applied', eventId: task.eventId, customerId: task.customerId, smsSent, appliedTimes, ...ids });
        return;
      }
      const rememberedUntilMs = dedupRecord(w.store, task.eventId, w.nowMs);
      emit(w, {
        type: 'event-applied',
        eventId: task.eventId,
        customerId: task.customerId,
        smsSent,
        appliedTimes,
        rememberedUntilMs,
        ...ids,
      });
      scheduleTask(w, { type: 'expire', eventId: task.eventId, atMs: rememberedUntilMs });
      return;
    }
    case 'expire':
      // A later re-record pushed the expiry out; then this older task finds nothing to remove.
      if (dedupExpire(w.store, task.eventId, w.nowMs))
        emit(w, { type: 'dedup-entry-expired', eventId: task.eventId, causationId: task.eventId });
      return;
  }
}

/** Applies one command in place; impossible commands return a SimError and change nothing. */
export function applyIdempotentConsumerCommand(w: IdempotentConsumerWorld, c: IdempotentConsumerCommand): Result<RunReport> {
  if (isClockCommand(c)) return applyClockCommand(w, runIdempotentConsumerTask, c, w.config.tasksMaxPerCommand);
  switch (c.type) {
    case 'deliver':
    case 'redeliver': {
      if (typeof c.eventId !== 'string' || c.eventId === '')
        return fail(ErrorCode.InvalidCommand, 'an event needs an id', 'eventId');
      const known = getName(w.events, c.eventId);
      if (c.type === 'deliver' && known !== undefined) {
        return fail(
          ErrorCode.InvalidCommand,
          `event ${c.eventId} was already delivered: use redeliver to send it again`,
          'eventId',
        );
      }
      if (c.type === 'redeliver' && known === undefined)
        return fail(ErrorCode.InvalidCommand, `event ${c.eventId} was never delivered`, 'eventId');
      const ev =
        known ??
        setName(w.events, c.eventId, { customerId: (c.type === 'deliver' && c.customerId) || 'customer-1', deliveries: 0 });
      ev.deliveries++;
      scheduleTask(w, {
        type: 'arrive',
        eventId: c.eventId,
        customerId: ev.customerId,
        delivery: ev.deliveries,
        atMs: w.nowMs + w.config.deliveryDelayMs,
      });
      return nothingRan();
    }
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

export function cloneIdempotentConsumer(w: IdempotentConsumerWorld): IdempotentConsumerWorld {
  return cloneWorld(w);
}

/** A human sentence for one trace entry. */
export function describeIdempotentConsumerEntry(e: IdempotentConsumerEntry): string {
  switch (e.type) {
    case 'message-received':
      return `The notification service received ${e.eventId}${e.delivery > 1 ? ` again (delivery ${e.delivery})` : ''}.`;
    case 'event-applied':
      return e.appliedTimes > 1
        ? `The notification service applied ${e.eventId} a ${ordinal(e.appliedTimes)} time: ${e.customerId} now has ${e.smsSent} SMS.`
        : `The notification service applied ${e.eventId} and sent an SMS to ${e.customerId}${e.rememberedUntilMs === undefined ? '' : `; it remembers the id until ${e.rememberedUntilMs} ms`}.`;
    case 'duplicate-skipped':
      return `The notification service had already applied ${e.eventId}, so the duplicate was a no-op.`;
    case 'dedup-entry-expired':
      return `The dedup store forgot ${e.eventId}: its retention window ended, so a copy arriving now would be applied again.`;
  }
}

function ordinal(n: number): string {
  return n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}
