/** Scenario and property tests for dual write versus the transactional outbox (polling and CDC). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModelTimeline } from '../core/model.ts';
import { applyOutboxCommand, createOutboxSim } from './outbox.ts';
import { outboxModel } from './outbox-model.ts';
import { describeOutboxEntry, outboxView } from './outbox-view.ts';
import type { OutboxCommand, OutboxFault, OutboxMode, OutboxOptions, OutboxWorld } from './outbox-types.ts';

function script(opts: OutboxOptions, ...commands: OutboxCommand[]): OutboxWorld {
  const w = createOutboxSim(opts);
  for (const c of [...commands, { type: 'run-until-idle' } as const]) {
    const r = applyOutboxCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
  return w;
}
const place = (orderId: string): OutboxCommand => ({ type: 'place-order', orderId });
const crashBetween: OutboxFault = { kind: 'service-crash-between-writes' };

describe('dual write', () => {
  it('a crash between the database write and the publish loses the event', () => {
    const w = script({ seed: 1, mode: 'dual-write', faults: [crashBetween] }, place('order-1'), place('order-2'));
    expect(outboxView(w)).toMatchObject({ ordersInDb: 1, eventsPublished: 0, lostEventIds: ['evt-1'] });
    expect(w.trace.entries.map((e) => e.type)).toContain('event-lost');
    expect(w.trace.entries.map((e) => e.type)).toContain('request-lost'); // order-2 arrived while it was down
  });

  it('publishing first instead turns the loss into a phantom event', () => {
    const w = script({ seed: 2, mode: 'dual-write', dualWriteOrder: 'publish-first', faults: [crashBetween] }, place('order-1'));
    expect(outboxView(w)).toMatchObject({ ordersInDb: 0, eventsPublished: 1, phantomEventIds: ['evt-1'] });
    expect(w.consumer.ordersCounted).toBe(1); // downstream counted an order that does not exist
  });
});

describe('transactional outbox', () => {
  it('the same crash loses nothing: the relay publishes the outbox row', () => {
    for (const mode of ['outbox-polling', 'outbox-cdc'] as const) {
      const w = script({ seed: 3, mode, faults: [crashBetween] }, place('order-1'));
      expect(outboxView(w), mode).toMatchObject({ ordersInDb: 1, eventsPublished: 1, lostEventIds: [], outboxPending: 0 });
      expect(w.consumer.appliedTimes).toEqual({ 'evt-1': 1 });
    }
  });

  it('a relay crash after publishing, before marking sent, publishes again; the idempotent consumer applies it once', () => {
    const w = script({ seed: 4, mode: 'outbox-polling', faults: [{ kind: 'relay-crash-after-publish' }] }, place('order-1'));
    expect(outboxView(w).duplicatedOnBroker).toEqual(['evt-1']);
    expect(w.broker.map((r) => r.eventId)).toEqual(['evt-1', 'evt-1']);
    expect(w.consumer.appliedTimes).toEqual({ 'evt-1': 1 });
    expect(w.trace.entries.map((e) => e.type)).toContain('duplicate-skipped');
  });

  it('without a dedup store that duplicate is applied twice', () => {
    const w = script(
      { seed: 4, mode: 'outbox-polling', consumerDedup: false, faults: [{ kind: 'relay-crash-after-publish' }] },
      place('order-1'),
    );
    expect(outboxView(w).appliedTwiceOrMore).toEqual(['evt-1']);
    expect(w.consumer.ordersCounted).toBe(2);
  });

  it('CDC re-reads from its last committed log position after a crash: duplicates, not losses', () => {
    const w = script(
      { seed: 5, mode: 'outbox-cdc', faults: [{ kind: 'relay-crash-after-publish' }] },
      place('order-1'),
      place('order-2'),
    );
    const view = outboxView(w);
    expect(view.lostEventIds).toEqual([]);
    expect(view.duplicatedOnBroker.length).toBeGreaterThan(0);
    expect(w.consumer.appliedTimes).toEqual({ 'evt-1': 1, 'evt-2': 1 });
  });

  it('log tailing publishes sooner than polling', () => {
    const firstPublishMs = (mode: OutboxMode) =>
      script({ seed: 6, mode, pollIntervalMs: 500 }, place('order-1')).trace.entries.find((e) => e.type === 'event-published')!
        .atMs;
    expect(firstPublishMs('outbox-cdc')).toBeLessThan(firstPublishMs('outbox-polling'));
  });

  it('refuses impossible commands and narrates every entry', () => {
    const w = script(
      { seed: 7, faults: [{ kind: 'relay-crash-after-publish' }, { kind: 'consumer-crash-before-commit' }] },
      place('order-1'),
    );
    const before = JSON.stringify(w);
    expect(applyOutboxCommand(w, place('order-1')).ok).toBe(false);
    expect(applyOutboxCommand(w, { type: 'crash', node: 'broker' as never }).ok).toBe(false);
    expect(applyOutboxCommand(w, { type: 'plant-fault', fault: { kind: 'meteor' as never } }).ok).toBe(false);
    expect(applyOutboxCommand(w, { type: 'advance', untilMs: 0 }).ok).toBe(false);
    expect(JSON.stringify(w)).toBe(before);
    for (const e of w.trace.entries) expect(describeOutboxEntry(e)).toMatch(/^[A-Z].+\.$/);
  });

  it('seeking on a timeline equals a replay', () => {
    const cmds: OutboxCommand[] = [
      place('order-1'),
      { type: 'plant-fault', fault: { kind: 'relay-crash-after-publish' } },
      place('order-2'),
      ...Array.from({ length: 20 }, () => ({ type: 'step' }) as const),
    ];
    const modelRun = outboxModel.run({ mode: 'outbox-cdc' });
    const t = createModelTimeline(modelRun, 8, 3, cmds);
    expect(JSON.stringify(t.seek(14))).toBe(JSON.stringify(createModelTimeline(modelRun, 8, 999, cmds.slice(0, 14)).state));
  });
});

describe('outbox + idempotent consumer properties', () => {
  const faultArb = fc.record({
    kind: fc.constantFrom(
      'service-crash-between-writes',
      'relay-crash-after-publish',
      'consumer-crash-before-commit',
    ) as fc.Arbitrary<OutboxFault['kind']>,
    times: fc.integer({ min: 1, max: 3 }),
    restartAfterMs: fc.integer({ min: 1, max: 800 }),
  });
  const stepArb: fc.Arbitrary<OutboxCommand | { type: 'wait'; ms: number }> = fc.oneof(
    fc.constant({ type: 'place-order', orderId: '' } as OutboxCommand),
    fc.record({
      type: fc.constant('crash' as const),
      node: fc.constantFrom('service' as const, 'relay' as const, 'consumer' as const),
      restartAfterMs: fc.integer({ min: 1, max: 800 }),
    }),
    fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 300 }) }),
  );

  function play(
    seed: number,
    mode: OutboxMode,
    faults: OutboxFault[],
    steps: Array<OutboxCommand | { type: 'wait'; ms: number }>,
  ): OutboxWorld {
    const w = createOutboxSim({ seed, mode, faults, relayBatchMax: 3 });
    let n = 0;
    for (const s of steps) {
      if (s.type === 'wait') applyOutboxCommand(w, { type: 'advance', untilMs: w.nowMs + s.ms });
      else if (s.type === 'place-order') applyOutboxCommand(w, { type: 'place-order', orderId: `order-${++n}` });
      else applyOutboxCommand(w, s); // refused when already down: fine
    }
    expect(applyOutboxCommand(w, { type: 'run-until-idle' })).toMatchObject({ ok: true, value: { stoppedBy: 'idle' } });
    return w;
  }

  it("never loses a stored order's event and never applies one twice", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('outbox-polling' as const, 'outbox-cdc' as const),
        fc.array(faultArb, { maxLength: 4 }),
        fc.array(stepArb, { maxLength: 30 }),
        (seed, mode, faults, steps) => {
          const w = play(seed, mode, faults, steps);
          const view = outboxView(w);
          const ctx = `seed ${seed} ${mode} ${JSON.stringify(view)}`;
          expect(view.lostEventIds, ctx).toEqual([]);
          expect(view.phantomEventIds, ctx).toEqual([]);
          expect(view.appliedTwiceOrMore, ctx).toEqual([]);
          const stored = Object.values(w.db.orders)
            .map((o) => o.eventId)
            .sort();
          expect(Object.keys(w.consumer.appliedTimes).sort(), ctx).toEqual(stored);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('same seed, same commands, same trace', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom<OutboxMode>('dual-write', 'outbox-polling', 'outbox-cdc'),
        fc.array(faultArb, { maxLength: 3 }),
        fc.array(stepArb, { maxLength: 15 }),
        (seed, mode, faults, steps) => {
          expect(JSON.stringify(play(seed, mode, faults, steps).trace), `seed ${seed}`).toBe(
            JSON.stringify(play(seed, mode, faults, steps).trace),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
