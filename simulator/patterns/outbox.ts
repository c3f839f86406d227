/**
 * Dual write versus transactional outbox, as a model: create a world, apply commands, run tasks.
 *
 * A service that writes its database and then publishes makes two writes to two systems, and a
 * crash between them loses the event (or, publishing first, announces an order that was never
 * stored). The outbox turns the two writes into one local transaction and leaves publishing to a
 * relay that retries until the broker has the event — at least once, so a relay crash after
 * publishing but before recording that fact publishes it again. The consumer's dedup store is what
 * turns "at least once" back into "once in effect".
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { createWorldBase, newId } from '../core/world.ts';
import {
  applyClockCommand,
  cloneWorld,
  emit,
  isClockCommand,
  nothingRan,
  scheduleTask,
  type RunReport,
} from '../saga/world-kit.ts';
import { createDedupStore, dedupHas, dedupRecord } from './dedup-store.ts';
import type {
  OutboxCommand,
  OutboxConfig,
  OutboxEntry,
  OutboxFault,
  OutboxNode,
  OutboxOptions,
  OutboxTask,
  OutboxWorld,
} from './outbox-types.ts';
import { getName, setName } from '../core/name-index.ts';

const DEFAULTS: OutboxConfig = {
  mode: 'outbox-polling',
  dualWriteOrder: 'db-first',
  processingMs: 10,
  dualWriteGapMs: 20,
  pollIntervalMs: 100,
  cdcLagMs: 10,
  relayBatchMax: 10,
  consumerProcessingMs: 10,
  consumerDedup: true,
  retentionMs: 1_000_000_000,
  restartAfterMs: 200,
  tasksMaxPerCommand: 100_000,
};

/** Every fault the model can plant (the model's schema offers exactly these). */
export const OUTBOX_FAULT_KINDS = [
  'service-crash-between-writes',
  'relay-crash-after-publish',
  'consumer-crash-before-commit',
] as const satisfies ReadonlyArray<OutboxFault['kind']>;
const FAULT_KINDS: ReadonlyArray<OutboxFault['kind']> = OUTBOX_FAULT_KINDS;

export function createOutboxSim(opts: OutboxOptions): OutboxWorld {
  const config: OutboxConfig = { ...DEFAULTS };
  for (const k of Object.keys(DEFAULTS) as Array<keyof OutboxConfig>) {
    if (opts[k] !== undefined) (config as unknown as Record<string, unknown>)[k] = opts[k];
  }
  for (const f of opts.faults ?? [])
    if (!FAULT_KINDS.includes(f.kind)) throw new RangeError(`outbox fault: unknown kind "${f.kind}"`);
  return {
    ...createWorldBase<OutboxTask, OutboxEntry>({ seed: opts.seed }),
    config,
    db: { orders: {}, outbox: [], wal: [] },
    service: { up: true, incarnation: 0 },
    relay: { up: true, incarnation: 0, wakeScheduled: false, cdcOffset: 0 },
    broker: [],
    consumer: {
      up: true,
      incarnation: 0,
      busy: false,
      committedOffset: 0,
      store: createDedupStore(config.retentionMs),
      appliedTimes: {},
      ordersCounted: 0,
    },
    faults: (opts.faults ?? []).map((f) => ({ ...f, remaining: f.times ?? 1 })),
    requests: {},
  };
}

function takeFault(w: OutboxWorld, kind: OutboxFault['kind']): OutboxFault | undefined {
  const i = w.faults.findIndex((f) => f.kind === kind);
  if (i < 0) return undefined;
  const f = w.faults[i]!;
  if (--f.remaining === 0) w.faults.splice(i, 1);
  return f;
}

function crash(w: OutboxWorld, node: OutboxNode, restartAfterMs?: number): void {
  const rt = w[node];
  rt.up = false;
  rt.incarnation++;
  if (node === 'relay') w.relay.wakeScheduled = false;
  if (node === 'consumer') w.consumer.busy = false;
  const restartAtMs = w.nowMs + (restartAfterMs ?? w.config.restartAfterMs);
  emit(w, { type: 'node-crashed', node, restartAtMs });
  scheduleTask(w, { type: 'restart', node, incarnation: rt.incarnation, atMs: restartAtMs });
}

function commit(w: OutboxWorld, orderId: string, eventId: string, amountCents: number, outboxRow: boolean): void {
  setName(w.db.orders, orderId, { amountCents, eventId, createdAtMs: w.nowMs });
  w.db.wal.push({ lsn: w.db.wal.length, table: 'orders', key: orderId });
  if (outboxRow) {
    w.db.outbox.push({ eventId, orderId, createdAtMs: w.nowMs });
    w.db.wal.push({ lsn: w.db.wal.length, table: 'outbox', key: eventId });
  }
  emit(w, { type: 'db-committed', orderId, eventId, outboxRow, correlationId: orderId, causationId: eventId });
}

function publish(w: OutboxWorld, orderId: string, eventId: string, publisher: 'service' | 'relay'): void {
  const copy = w.broker.filter((r) => r.eventId === eventId).length + 1;
  const offset = w.broker.length;
  w.broker.push({ offset, eventId, orderId, publishedAtMs: w.nowMs, publisher });
  emit(w, { type: 'event-published', eventId, publisher, offset, copy, correlationId: orderId, causationId: eventId });
  wakeConsumer(w);
}

/** Polling wakes on the next poll tick; CDC a moment after the commit reaches the log. */
function wakeRelay(w: OutboxWorld, immediately = false): void {
  if (!w.relay.up || w.relay.wakeScheduled || w.config.mode === 'dual-write') return;
  const p = w.config.pollIntervalMs;
  const atMs = immediately
    ? w.nowMs
    : w.config.mode === 'outbox-polling'
      ? (Math.floor(w.nowMs / p) + 1) * p
      : w.nowMs + w.config.cdcLagMs;
  w.relay.wakeScheduled = true;
  scheduleTask(w, { type: 'relay-run', incarnation: w.relay.incarnation, atMs });
}

function wakeConsumer(w: OutboxWorld): void {
  const c = w.consumer;
  if (!c.up || c.busy || c.committedOffset >= w.broker.length) return;
  c.busy = true;
  scheduleTask(w, {
    type: 'consumer-apply',
    offset: c.committedOffset,
    incarnation: c.incarnation,
    atMs: w.nowMs + w.config.consumerProcessingMs,
  });
}

function serviceHandle(w: OutboxWorld, orderId: string, amountCents: number): void {
  const eventId = newId(w, 'evt');
  if (w.config.mode !== 'dual-write') {
    // One local transaction: the order row and the outbox row commit together or not at all.
    commit(w, orderId, eventId, amountCents, true);
    wakeRelay(w);
    const f = takeFault(w, 'service-crash-between-writes');
    if (f) crash(w, 'service', f.restartAfterMs);
    return;
  }
  if (w.config.dualWriteOrder === 'db-first') commit(w, orderId, eventId, amountCents, false);
  else publish(w, orderId, eventId, 'service');
  // The second write is a separate step; if the service dies first, it never happens.
  scheduleTask(w, {
    type: 'dual-write-second',
    orderId,
    eventId,
    amountCents,
    incarnation: w.service.incarnation,
    atMs: w.nowMs + w.config.dualWriteGapMs,
  });
  const f = takeFault(w, 'service-crash-between-writes');
  if (f) crash(w, 'service', f.restartAfterMs);
}

function relayRun(w: OutboxWorld): void {
  w.relay.wakeScheduled = false;
  const batchMax = w.config.relayBatchMax;
  const published: string[] = [];
  let nextOffset = w.relay.cdcOffset;
  if (w.config.mode === 'outbox-polling') {
    for (const row of w.db.outbox) {
      if (published.length >= batchMax) break;
      if (row.sentAtMs !== undefined) continue;
      publish(w, row.orderId, row.eventId, 'relay');
      published.push(row.eventId);
    }
  } else {
    for (; nextOffset < w.db.wal.length && nextOffset - w.relay.cdcOffset < batchMax; nextOffset++) {
      const change = w.db.wal[nextOffset]!;
      if (change.table !== 'outbox') continue;
      const row = w.db.outbox.find((r) => r.eventId === change.key)!;
      publish(w, row.orderId, row.eventId, 'relay');
      published.push(row.eventId);
    }
  }
  const f = published.length > 0 ? takeFault(w, 'relay-crash-after-publish') : undefined;
  if (f) return crash(w, 'relay', f.restartAfterMs); // published, but nothing records it: they go again
  if (w.config.mode === 'outbox-polling') {
    for (const row of w.db.outbox) if (published.includes(row.eventId)) row.sentAtMs = w.nowMs;
    if (published.length > 0) emit(w, { type: 'outbox-rows-marked-sent', eventIds: published });
    if (w.db.outbox.some((r) => r.sentAtMs === undefined)) wakeRelay(w);
  } else {
    if (nextOffset !== w.relay.cdcOffset) emit(w, { type: 'cdc-offset-committed', lsn: nextOffset });
    w.relay.cdcOffset = nextOffset;
    if (nextOffset < w.db.wal.length) wakeRelay(w);
  }
}

function consumerApply(w: OutboxWorld, offset: number): void {
  const c = w.consumer;
  const rec = w.broker[offset]!;
  const ids = { correlationId: rec.orderId, causationId: rec.eventId };
  if (w.config.consumerDedup && dedupHas(c.store, rec.eventId, w.nowMs)) {
    emit(w, { type: 'duplicate-skipped', eventId: rec.eventId, offset, ...ids });
  } else {
    // Effect and dedup row in one local transaction of the consumer's own database.
    c.ordersCounted++;
    setName(c.appliedTimes, rec.eventId, (getName(c.appliedTimes, rec.eventId) ?? 0) + 1);
    if (w.config.consumerDedup) dedupRecord(c.store, rec.eventId, w.nowMs);
    emit(w, { type: 'event-applied', eventId: rec.eventId, offset, appliedTimes: getName(c.appliedTimes, rec.eventId)!, ...ids });
  }
  const f = takeFault(w, 'consumer-crash-before-commit');
  if (f) return crash(w, 'consumer', f.restartAfterMs);
  c.committedOffset = offset + 1;
  c.busy = false;
  emit(w, { type: 'consumer-offset-committed', offset: c.committedOffset });
  wakeConsumer(w);
}

/** Runs one scheduled task. Work started by an earlier incarnation of a node died with it. */
export function runOutboxTask(w: OutboxWorld, task: OutboxTask & Scheduled): void {
  switch (task.type) {
    case 'service-handle':
      if (!w.service.up || w.service.incarnation !== task.incarnation) {
        emit(w, { type: 'request-lost', orderId: task.orderId, correlationId: task.orderId });
        return;
      }
      return serviceHandle(w, task.orderId, task.amountCents);
    case 'dual-write-second': {
      const { orderId, eventId } = task;
      const dbFirst = w.config.dualWriteOrder === 'db-first';
      if (!w.service.up || w.service.incarnation !== task.incarnation) {
        emit(w, { type: dbFirst ? 'event-lost' : 'phantom-event', eventId, correlationId: orderId, causationId: eventId });
        return;
      }
      if (dbFirst) publish(w, orderId, eventId, 'service');
      else commit(w, orderId, eventId, task.amountCents, false);
      return;
    }
    case 'relay-run':
      if (!w.relay.up || w.relay.incarnation !== task.incarnation) return;
      return relayRun(w);
    case 'consumer-apply':
      if (!w.consumer.up || w.consumer.incarnation !== task.incarnation) return;
      return consumerApply(w, task.offset);
    case 'restart': {
      const rt = w[task.node];
      if (rt.up || rt.incarnation !== task.incarnation) return;
      rt.up = true;
      emit(w, { type: 'node-restarted', node: task.node });
      if (task.node === 'relay') wakeRelay(w, true);
      if (task.node === 'consumer') wakeConsumer(w);
      return;
    }
  }
}

/** Applies one command in place; impossible commands return a SimError and change nothing. */
export function applyOutboxCommand(w: OutboxWorld, c: OutboxCommand): Result<RunReport> {
  if (isClockCommand(c)) return applyClockCommand(w, runOutboxTask, c, w.config.tasksMaxPerCommand);
  switch (c.type) {
    case 'place-order': {
      if (typeof c.orderId !== 'string' || c.orderId === '')
        return fail(ErrorCode.InvalidCommand, 'an order needs an id', 'orderId');
      if (!w.service.up) return fail(ErrorCode.NotAvailable, 'the order service is down: the request is refused');
      if (getName(w.requests, c.orderId)) {
        return fail(ErrorCode.InvalidCommand, `order ${c.orderId} was already placed`, 'orderId');
      }
      setName(w.requests, c.orderId, true);
      emit(w, { type: 'order-received', orderId: c.orderId, correlationId: c.orderId });
      const amountCents = c.amountCents ?? 2_500;
      scheduleTask(w, {
        type: 'service-handle',
        orderId: c.orderId,
        amountCents,
        incarnation: w.service.incarnation,
        atMs: w.nowMs + w.config.processingMs,
      });
      return nothingRan();
    }
    case 'plant-fault': {
      if (!FAULT_KINDS.includes(c.fault.kind))
        return fail(ErrorCode.InvalidCommand, `unknown fault kind "${c.fault.kind}"`, 'fault');
      w.faults.push({ ...c.fault, remaining: c.fault.times ?? 1 });
      emit(w, { type: 'fault-planted', fault: { ...c.fault } });
      return nothingRan();
    }
    case 'crash': {
      if (c.node !== 'service' && c.node !== 'relay' && c.node !== 'consumer')
        return fail(ErrorCode.UnknownNode, `unknown node "${c.node}"`, 'node');
      if (!w[c.node].up) return fail(ErrorCode.NotAvailable, `the ${c.node} is already down`, 'node');
      crash(w, c.node, c.restartAfterMs);
      return nothingRan();
    }
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

export function cloneOutboxSim(w: OutboxWorld): OutboxWorld {
  return cloneWorld(w);
}
