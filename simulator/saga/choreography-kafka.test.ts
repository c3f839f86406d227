/** Scenario and property tests for the choreographed saga over the Kafka model. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scheduled } from '../core/heap.ts';
import { createModelTimeline } from '../core/model.ts';
import { runNext } from '../core/world.ts';
import type { EntryOf, KafkaTraceEntry } from '../kafka/trace-types.ts';
import {
  applyKafkaChoreographyCommand,
  cloneKafkaChoreography,
  createKafkaChoreography,
  runKafkaChoreographyTask,
} from './choreography-kafka.ts';
import { kafkaChoreographyModel } from './choreography-kafka-model.ts';
import { describeKafkaChoreographyEntry, kafkaChoreographyView } from './choreography-kafka-view.ts';
import {
  consumerOf,
  groupOf,
  type KafkaChoreographyCommand,
  type KafkaChoreographyOptions,
  type KafkaChoreographyTask,
  type KafkaChoreographyWorld,
} from './choreography-kafka-types.ts';
import { ACTIONS, type ServiceFault } from './services.ts';

/** A world driven by commands that must succeed, read like a script. */
function script(opts: KafkaChoreographyOptions) {
  const w = createKafkaChoreography(opts);
  const s = {
    w,
    do(c: KafkaChoreographyCommand) {
      const r = applyKafkaChoreographyCommand(w, c);
      if (!r.ok) throw new Error(`${c.type} refused (seed ${opts.seed}): ${r.error.message}`);
      return s;
    },
    place: (orderId = 'order-1') => s.do({ type: 'place-order', orderId, qty: 2, amountCents: 2_500 }),
    idle: () => s.do({ type: 'run-until-idle' }),
    advance: (untilMs: number) => s.do({ type: 'advance', untilMs }),
    view: (orderId = 'order-1') => kafkaChoreographyView(w, orderId),
    kafka: <T extends KafkaTraceEntry['type']>(type: T) =>
      (w.kafka.trace.entries as KafkaTraceEntry[]).filter((e): e is EntryOf<T> => e.type === type),
  };
  return s;
}

function run(opts: KafkaChoreographyOptions, ...commands: KafkaChoreographyCommand[]): KafkaChoreographyWorld {
  const s = script(opts);
  for (const c of commands) s.do(c);
  return s.idle().w;
}

const place = { type: 'place-order', orderId: 'order-1', amountCents: 2_500, qty: 2 } as const;
const HAPPY = ['PlaceOrder', 'OrderPlaced', 'PaymentCharged', 'InventoryReserved', 'ShipmentCreated', 'OrderApproved'];

describe('choreographed saga over Kafka', () => {
  it('happy path: every event is a record on one partition, read by all four groups', () => {
    const s = script({ seed: 1 }).place().idle();
    const view = s.view();
    expect(view.messages).toEqual(HAPPY);
    expect(view.status).toBe('completed');
    expect(view.offsets).toEqual([0, 1, 2, 3, 4, 5]);
    expect(view.unreadBy).toEqual({ order: 0, inventory: 0, payment: 0, shipping: 0 });
    // Every service reads every record of the topic, and reacts only to its own names.
    for (const svc of ['order', 'inventory', 'payment', 'shipping'] as const) {
      expect(s.kafka('record-processed').filter((e) => e.group === groupOf(svc))).toHaveLength(6);
    }
    // There is no saga table: the world holds the broker, the services and what customers placed.
    expect(Object.keys(s.w).sort()).toEqual(['config', 'kafka', 'placed', 'published', 'seed', 'services', 'trace']);
  });

  it('PaymentFailed → OrderCancelled, and nothing else happens', () => {
    const w = run({ seed: 2, faults: [{ service: 'payment', action: 'charge-payment', kind: 'business' }] }, place);
    expect(kafkaChoreographyView(w, 'order-1')).toMatchObject({
      messages: ['PlaceOrder', 'OrderPlaced', 'PaymentFailed', 'OrderCancelled'],
      status: 'compensated',
    });
    expect(w.services.tables.stock['sku-1']).toBe(10);
  });

  it('ShippingFailed → inventory released and payment refunded, then the order cancelled', () => {
    const w = run({ seed: 3, faults: [{ service: 'shipping', action: 'create-shipment', kind: 'business' }] }, place);
    const view = kafkaChoreographyView(w, 'order-1');
    expect(view.messages.slice(0, 5)).toEqual([
      'PlaceOrder',
      'OrderPlaced',
      'PaymentCharged',
      'InventoryReserved',
      'ShippingFailed',
    ]);
    expect(view.messages).toEqual(expect.arrayContaining(['InventoryReleased', 'PaymentRefunded', 'OrderCancelled']));
    expect(view.steps).toEqual({
      'create-order': 'compensated',
      'charge-payment': 'compensated',
      'reserve-inventory': 'compensated',
      'create-shipment': 'failed',
    });
    expect([w.services.tables.refundedCentsTotal, w.services.tables.stock['sku-1']]).toEqual([2_500, 10]);
  });

  it('script: payment is down; the order waits on the topic, unread by payment, then completes', () => {
    const s = script({ seed: 4 }).do({ type: 'crash-service', service: 'payment', restartAfterMs: 5_000 }).place();
    s.advance(4_000);
    // Only reading every service, the topic and the offsets tells where the order is.
    expect(s.view()).toMatchObject({ status: 'running', messages: ['PlaceOrder', 'OrderPlaced'] });
    expect(s.view().steps['charge-payment']).toBe('pending');
    expect(s.view().unreadBy.payment).toBe(2);
    expect(s.view().unreadBy.order).toBe(0);
    s.idle();
    expect(s.view().status).toBe('completed');
    expect(s.w.trace.entries.map((e) => e.type)).toContain('service-restarted');
  });

  it('script: three orders in flight, inventory crashes mid-run; every order completes, stock taken once each', () => {
    const s = script({ seed: 12 }).place('order-1').place('order-2').place('order-3');
    s.advance(3_040).do({ type: 'crash-service', service: 'inventory', restartAfterMs: 500 }).idle();
    for (const id of ['order-1', 'order-2', 'order-3']) expect(s.view(id).status, id).toBe('completed');
    expect([s.w.services.tables.stock['sku-1'], s.w.services.tables.chargedCentsTotal]).toEqual([4, 7_500]);
  });

  it('a crash before the local commit: the offset is not committed, the record comes again, charged once', () => {
    const s = script({ seed: 5, faults: [{ service: 'payment', action: 'charge-payment', kind: 'crash' }] })
      .place()
      .idle();
    expect(s.view().status).toBe('completed');
    const reads = s.kafka('record-processed').filter((e) => e.group === groupOf('payment') && e.offset === 1);
    // The crashed attempt never finished processing; only the redelivery shows, as a first read.
    expect(reads).toHaveLength(1);
    expect(s.w.services.tables.chargedCentsTotal).toBe(2_500);
  });

  it('redelivery after a crash between local commit and produce: refund once, announced once', () => {
    const faults: ServiceFault[] = [
      { service: 'shipping', action: 'create-shipment', kind: 'business' },
      { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
    ];
    const s = script({ seed: 6, faults }).place().idle();
    const t = s.w.services.tables;
    expect([t.chargedCentsTotal, t.refundedCentsTotal]).toEqual([2_500, 2_500]);
    const types = s.w.trace.entries.filter((e) => e.correlationId === 'order-1').map((e) => e.type);
    expect(types).toContain('record-deduplicated');
    const refunded = s.w.trace.entries.filter((e) => e.type === 'event-produced' && e.name === 'PaymentRefunded');
    expect(refunded).toEqual([expect.objectContaining({ afterRedelivery: true })]);
    expect(s.view().status).toBe('compensated');
  });

  it('without idempotency tables the same redelivery refunds twice', () => {
    const faults: ServiceFault[] = [
      { service: 'shipping', action: 'create-shipment', kind: 'business' },
      { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
    ];
    const w = run({ seed: 6, faults, idempotentHandlers: false }, place);
    expect(w.services.tables.refundedCentsTotal).toBe(5_000);
  });

  it('rejects impossible commands without changing anything, and narrates every entry', () => {
    const w = run({ seed: 7, faults: [{ service: 'inventory', action: 'reserve-inventory', kind: 'business' }] }, place);
    const before = JSON.stringify(w);
    const bad: KafkaChoreographyCommand[] = [
      place,
      { type: 'place-order', orderId: '' },
      { type: 'place-order', orderId: 'order-2', qty: 0 },
      { type: 'restart-service', service: 'order' },
      { type: 'crash-service', service: 'nope' as never },
      { type: 'crash-service', service: 'order', restartAfterMs: -1 },
      { type: 'inject-fault', fault: { service: 'payment', action: 'charge-payment', kind: 'transient' } },
      { type: 'inject-fault', fault: { service: 'payment', action: 'refund-payment', kind: 'business' } },
      { type: 'advance', untilMs: 0 },
      { type: 'teleport' } as never,
    ];
    for (const c of bad) expect(applyKafkaChoreographyCommand(w, c).ok, c.type).toBe(false);
    expect(JSON.stringify(w)).toBe(before);
    for (const e of w.trace.entries) expect(describeKafkaChoreographyEntry(e)).toMatch(/^[A-Z].+\.$/);
  });

  it('state is plain data: a world restored from JSON, or a clone, continues exactly as the original', () => {
    const s = script({ seed: 8, faults: [{ service: 'inventory', action: 'reserve-inventory', kind: 'crash' }] }).place();
    s.advance(3_060);
    const restored = JSON.parse(JSON.stringify(s.w)) as KafkaChoreographyWorld;
    const copy = cloneKafkaChoreography(s.w);
    s.idle();
    for (const other of [restored, copy]) {
      expect(applyKafkaChoreographyCommand(other, { type: 'run-until-idle' }).ok).toBe(true);
      expect(JSON.stringify(other)).toBe(JSON.stringify(s.w));
    }
  });

  it('seeking on a timeline equals a replay', () => {
    const cmds: KafkaChoreographyCommand[] = [
      place,
      { type: 'crash-service', service: 'shipping', restartAfterMs: 100 },
      ...Array.from({ length: 40 }, () => ({ type: 'step' }) as const),
      { type: 'advance', untilMs: 5_000 },
    ];
    const modelRun = kafkaChoreographyModel.run({});
    const t = createModelTimeline(modelRun, 9, 8, cmds);
    const replay = (k: number) => JSON.stringify(createModelTimeline(modelRun, 9, 999, cmds.slice(0, k)).state);
    expect(JSON.stringify(t.seek(27))).toBe(replay(27));
    expect(JSON.stringify(t.seek(cmds.length))).toBe(replay(cmds.length));
  });
});

describe('choreographed saga over Kafka: properties', () => {
  const forward = ['create-order', 'charge-payment', 'reserve-inventory', 'create-shipment'] as const;
  const kinds = ['business', 'crash', 'crash-after-commit'] as const;
  const tracesOf = (w: KafkaChoreographyWorld) => JSON.stringify([w.trace, w.kafka.trace]);

  /** The saga ends all or nothing, judged by the services' own tables, not only by the view. */
  function expectAllOrNothing(w: KafkaChoreographyWorld, ctx: string): 'completed' | 'compensated' {
    const view = kafkaChoreographyView(w, 'order-1');
    const t = w.services.tables;
    expect(['completed', 'compensated'], ctx).toContain(view.status);
    const net = t.chargedCentsTotal - t.refundedCentsTotal;
    if (view.status === 'completed') expect([net, t.stock['sku-1']], ctx).toEqual([2_500, 8]);
    else expect([net, t.stock['sku-1'], t.shipments['order-1']], ctx).toEqual([0, 10, undefined]);
    // Compensations took effect at most once, however often their records were read.
    expect(t.refundedCentsTotal, ctx).toBeLessThanOrEqual(t.chargedCentsTotal);
    // Every service has read and committed everything about the order: nothing is left in flight.
    expect(Object.values(view.unreadBy), ctx).toEqual([0, 0, 0, 0]);
    return view.status as 'completed' | 'compensated';
  }

  it('any single business failure or crash at any step ends completed or fully compensated', () => {
    // Every step × every kind, each over random seeds and downtimes.
    for (const action of forward) {
      for (const kind of kinds) {
        fc.assert(
          fc.property(fc.integer(), fc.integer({ min: 0, max: 3_000 }), (seed, restartAfterMs) => {
            const fault: ServiceFault = { service: ACTIONS[action], action, kind, restartAfterMs };
            const w = run({ seed, faults: [fault] }, place);
            const ctx = `seed ${seed} ${action} ${kind} ${JSON.stringify(kafkaChoreographyView(w, 'order-1'))}`;
            if (action === 'create-order' && kind === 'business') {
              // Refused at the door: nothing started, nothing to undo.
              expect(kafkaChoreographyView(w, 'order-1').messages, ctx).toEqual(['PlaceOrder']);
              return;
            }
            const status = expectAllOrNothing(w, ctx);
            expect(status, ctx).toBe(kind === 'business' ? 'compensated' : 'completed');
          }),
          { numRuns: 8 },
        );
      }
    }
  });

  it('a crash on any compensation is redelivered and takes effect once', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('release-inventory', 'refund-payment', 'cancel-order' as const),
        fc.constantFrom('crash', 'crash-after-commit' as const),
        (seed, action, kind) => {
          const faults: ServiceFault[] = [
            { service: 'shipping', action: 'create-shipment', kind: 'business' },
            { service: ACTIONS[action], action, kind },
          ];
          const w = run({ seed, faults }, place);
          const ctx = `seed ${seed} ${action} ${kind}`;
          expect(expectAllOrNothing(w, ctx), ctx).toBe('compensated');
          expect(w.services.tables.refundedCentsTotal, ctx).toBe(2_500);
          expect(
            w.trace.entries.filter((e) => e.type === 'service-crashed'),
            ctx,
          ).toHaveLength(1);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('same seed, same commands, byte-identical traces (services and Kafka)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...forward), fc.constantFrom(...kinds), (seed, action, kind) => {
        const opts = { seed, faults: [{ service: ACTIONS[action], action, kind }] };
        const cmds: KafkaChoreographyCommand[] = [place, { type: 'place-order', orderId: 'order-2' }];
        expect(tracesOf(run(opts, ...cmds)), `seed ${seed}`).toBe(tracesOf(run(opts, ...cmds)));
      }),
      { numRuns: 25 },
    );
  });

  it('the consumer a service crashes is the one Kafka redelivers to', () => {
    const w = run({ seed: 10, faults: [{ service: 'order', action: 'approve-order', kind: 'crash' }] }, place);
    const k = w.kafka.trace.entries as KafkaTraceEntry[];
    expect(k.filter((e) => e.type === 'consumer-crashed').map((e) => (e as EntryOf<'consumer-crashed'>).consumer)).toEqual([
      consumerOf('order'),
    ]);
    expect(kafkaChoreographyView(w, 'order-1').status).toBe('completed');
  });

  it('the model drives it like the others: init, apply, clone, describe; runTask for a caller with its own loop', () => {
    const model = kafkaChoreographyModel;
    const modelRun = model.run({});
    const w = modelRun.init(11);
    expect(modelRun.apply(w, place).ok).toBe(true);
    const copy = modelRun.clone(w);
    expect(modelRun.apply(w, { type: 'run-until-idle' })).toMatchObject({ ok: true, value: { stoppedBy: 'idle' } });
    expect(copy.trace.entries.length).toBeLessThan(w.trace.entries.length);
    // A caller driving the scheduler itself (the Kafka world's queue is the one clock) gets the same run.
    for (let guard = 0; copy.kafka.k.fg > 0 && guard < 10_000; guard++)
      runNext(copy.kafka, (_s, t) => runKafkaChoreographyTask(copy, t as KafkaChoreographyTask & Scheduled));
    expect(copy.services.tables).toEqual(w.services.tables);
    expect(w.trace.entries.map((e) => model.describe(e)).join(' ')).toContain('OrderApproved');
  });
});
