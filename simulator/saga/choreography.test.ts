/** Scenario and property tests for the choreographed saga and its event bus. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModelTimeline } from '../core/model.ts';
import { applyChoreographyCommand, createChoreography } from './choreography.ts';
import { choreographyModel } from './choreography-model.ts';
import { choreographyView, describeChoreographyEntry } from './choreography-view.ts';
import type { ChoreographyCommand, ChoreographyOptions, ChoreographyWorld } from './choreography-types.ts';
import { ACTIONS, type ServiceFault } from './services.ts';

function run(opts: ChoreographyOptions, ...commands: ChoreographyCommand[]): ChoreographyWorld {
  const w = createChoreography(opts);
  for (const c of [...commands, { type: 'run-until-idle' } as const]) {
    const r = applyChoreographyCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
  return w;
}

const place = { type: 'place-order', orderId: 'order-1', amountCents: 2_500, qty: 2 } as const;

describe('choreographed saga', () => {
  it('happy path: OrderPlaced → PaymentCharged → InventoryReserved → ShipmentCreated → OrderApproved', () => {
    const w = run({ seed: 1 }, place);
    const view = choreographyView(w, 'order-1');
    expect(view.messages).toEqual([
      'PlaceOrder',
      'OrderPlaced',
      'PaymentCharged',
      'InventoryReserved',
      'ShipmentCreated',
      'OrderApproved',
    ]);
    expect(view.status).toBe('completed');
  });

  it('PaymentFailed → OrderCancelled, and nothing else happens', () => {
    const w = run({ seed: 2, faults: [{ service: 'payment', action: 'charge-payment', kind: 'business' }] }, place);
    const view = choreographyView(w, 'order-1');
    expect(view.messages).toEqual(['PlaceOrder', 'OrderPlaced', 'PaymentFailed', 'OrderCancelled']);
    expect(view.status).toBe('compensated');
    expect(w.services.tables.stock['sku-1']).toBe(10);
  });

  it('ShippingFailed → inventory released and payment refunded, then the order cancelled', () => {
    const w = run({ seed: 3, faults: [{ service: 'shipping', action: 'create-shipment', kind: 'business' }] }, place);
    const view = choreographyView(w, 'order-1');
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
    expect(w.services.tables.refundedCentsTotal).toBe(2_500);
  });

  it('a subscriber that is down gets the event when it is back: the bus is durable, no timeouts needed', () => {
    const w = run({ seed: 4 }, { type: 'crash-service', service: 'inventory', restartAfterMs: 2_000 }, place);
    expect(choreographyView(w, 'order-1').status).toBe('completed');
    expect(w.trace.entries.some((e) => e.type === 'message-redelivery-scheduled')).toBe(true);
  });

  it('a crash between commit and announcement is repaired on redelivery, once', () => {
    const w = run({ seed: 5, faults: [{ service: 'payment', action: 'charge-payment', kind: 'crash-after-commit' }] }, place);
    expect(choreographyView(w, 'order-1').status).toBe('completed');
    const charged = w.trace.entries.filter((e) => e.type === 'message-published' && e.name === 'PaymentCharged');
    expect(charged).toEqual([expect.objectContaining({ afterRedelivery: true })]);
    expect(w.services.tables.chargedCentsTotal).toBe(2_500);
  });

  it('mid-flight, the only way to see where an order is, is to ask every service', () => {
    const w = createChoreography({ seed: 6 });
    applyChoreographyCommand(w, place);
    applyChoreographyCommand(w, { type: 'advance', untilMs: 70 });
    const view = choreographyView(w, 'order-1');
    expect(view.status).toBe('running');
    expect(Object.values(view.steps)).toContain('pending');
  });

  it('rejects impossible commands without changing anything, and narrates every entry', () => {
    const w = run({ seed: 7, faults: [{ service: 'inventory', action: 'reserve-inventory', kind: 'business' }] }, place);
    const before = JSON.stringify(w);
    expect(applyChoreographyCommand(w, place).ok).toBe(false);
    expect(applyChoreographyCommand(w, { type: 'restart-service', service: 'order' }).ok).toBe(false);
    expect(applyChoreographyCommand(w, { type: 'crash-service', service: 'nope' as never }).ok).toBe(false);
    expect(JSON.stringify(w)).toBe(before);
    for (const e of w.trace.entries) expect(describeChoreographyEntry(e)).toMatch(/^[A-Z].+\.$/);
  });

  it('seeking on a timeline equals a replay', () => {
    const cmds: ChoreographyCommand[] = [place, ...Array.from({ length: 25 }, () => ({ type: 'step' }) as const)];
    const modelRun = choreographyModel.run({});
    const t = createModelTimeline(modelRun, 8, 5, cmds);
    expect(JSON.stringify(t.seek(11))).toBe(JSON.stringify(createModelTimeline(modelRun, 8, 999, cmds.slice(0, 11)).state));
  });
});

describe('choreographed saga properties', () => {
  const forward = ['create-order', 'charge-payment', 'reserve-inventory', 'create-shipment'] as const;
  const kinds = ['business', 'transient', 'crash', 'crash-after-commit'] as const;

  it('any single failure at any step ends completed or compensated, in the tables as in the view', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...forward),
        fc.constantFrom(...kinds),
        fc.integer({ min: 50, max: 3_000 }),
        (seed, action, kind, restartAfterMs) => {
          const fault: ServiceFault = { service: ACTIONS[action], action, kind, restartAfterMs };
          const w = run({ seed, faults: [fault], deliveryDelayMsMax: 80 }, place);
          const view = choreographyView(w, 'order-1');
          const t = w.services.tables;
          const ctx = `seed ${seed} ${JSON.stringify(view)}`;
          if (action === 'create-order' && kind === 'business') {
            // Refused at the door: nothing started, nothing to undo.
            expect(view.messages, ctx).toEqual(['PlaceOrder']);
            return;
          }
          expect(['completed', 'compensated'], ctx).toContain(view.status);
          const net = t.chargedCentsTotal - t.refundedCentsTotal;
          if (view.status === 'completed') expect([net, t.stock['sku-1']], ctx).toEqual([2_500, 8]);
          else expect([net, t.stock['sku-1'], t.shipments['order-1']], ctx).toEqual([0, 10, undefined]);
          expect(Object.keys(w.bus.pending), ctx).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('same seed, same commands, same trace', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...forward), fc.constantFrom(...kinds), (seed, action, kind) => {
        const opts = { seed, deliveryDelayMsMax: 60, faults: [{ service: ACTIONS[action], action, kind }] };
        expect(JSON.stringify(run(opts, place).trace), `seed ${seed}`).toBe(JSON.stringify(run(opts, place).trace));
      }),
      { numRuns: 40 },
    );
  });
});
