/** Changing the choreography's reactions while it runs: the flow is what the reactions make it. */
import { describe, expect, it } from 'vitest';
import { createModelTimeline } from '../core/model.ts';
import { applyChoreographyCommand, createChoreography } from './choreography.ts';
import { choreographyModel } from './choreography-model.ts';
import { choreographyView, describeChoreographyEntry } from './choreography-view.ts';
import type { ChoreographyCommand, ChoreographyWorld } from './choreography-types.ts';

function apply(w: ChoreographyWorld, ...cs: ChoreographyCommand[]): void {
  for (const c of cs) {
    const r = applyChoreographyCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
}
const refuse = (w: ChoreographyWorld, c: ChoreographyCommand): string => {
  const r = applyChoreographyCommand(w, c);
  if (r.ok) throw new Error(`${JSON.stringify(c)} should be refused`);
  return r.error.message;
};
const idle = { type: 'run-until-idle' } as const;
const place = (orderId: string) => ({ type: 'place-order', orderId }) as const;

/** Inventory reacts to OrderPlaced instead of payment: nobody charges, and the order still ships. */
const skipPayment: ChoreographyCommand[] = [
  { type: 'remove-reaction', on: 'OrderPlaced', service: 'payment' },
  {
    type: 'add-reaction',
    reaction: {
      on: 'OrderPlaced',
      service: 'inventory',
      action: 'reserve-inventory',
      ok: 'InventoryReserved',
      rejected: 'InventoryReservationFailed',
    },
  },
];

describe('add-reaction and remove-reaction', () => {
  it('rewiring who reacts to OrderPlaced changes the flow for orders placed afterwards', () => {
    const w = createChoreography({ seed: 3 });
    apply(w, place('order-1'), idle, ...skipPayment, place('order-2'), idle);
    expect(choreographyView(w, 'order-1').messages).toEqual([
      'PlaceOrder',
      'OrderPlaced',
      'PaymentCharged',
      'InventoryReserved',
      'ShipmentCreated',
      'OrderApproved',
    ]);
    // Nobody charges order-2, yet it ships: what the reactions add up to is the flow.
    expect(choreographyView(w, 'order-2').messages).toEqual([
      'PlaceOrder',
      'OrderPlaced',
      'InventoryReserved',
      'ShipmentCreated',
      'OrderApproved',
    ]);
    expect(w.services.tables.chargedCentsTotal).toBe(2_500);
    const said = w.trace.entries.filter((e) => e.type === 'reactions-changed').map(describeChoreographyEntry);
    expect(said).toEqual([
      'From now on the payment service ignores OrderPlaced (it ran charge-payment).',
      'From now on on OrderPlaced, inventory runs reserve-inventory and announces InventoryReserved (or InventoryReservationFailed when it refuses).',
    ]);
  });

  it('a delivery already on its way to a removed reaction is acknowledged and ignored', () => {
    const w = createChoreography({ seed: 4 });
    apply(w, place('order-1'), { type: 'step' }, { type: 'step' });
    apply(w, { type: 'remove-reaction', on: 'OrderPlaced', service: 'payment' }, idle);
    expect(choreographyView(w, 'order-1').messages).toEqual(['PlaceOrder', 'OrderPlaced']);
    expect(w.bus.subscriptions.OrderPlaced).toEqual([]);
  });

  it('refuses what the services cannot do, in words naming why, and changes nothing', () => {
    const w = createChoreography({ seed: 1 });
    const before = JSON.stringify(w);
    expect(
      refuse(w, {
        type: 'add-reaction',
        reaction: { on: 'OrderPlaced', service: 'order', action: 'charge-payment', ok: 'PaymentCharged' },
      }),
    ).toBe("charge-payment is the payment service's action; the order service cannot run it");
    expect(
      refuse(w, {
        type: 'add-reaction',
        reaction: { on: 'OrderPlaced', service: 'payment', action: 'charge-payment', ok: 'PaymentCharged' },
      }),
    ).toBe('the payment service reacts to OrderPlaced already; remove that reaction first');
    expect(
      refuse(w, {
        type: 'add-reaction',
        reaction: { on: 'OrderCancelled', service: 'order', action: 'cancel-order', ok: 'OrderCancelled' },
      }),
    ).toBe('a reaction to OrderCancelled cannot announce OrderCancelled again: it would loop');
    expect(refuse(w, { type: 'remove-reaction', on: 'OrderApproved', service: 'shipping' })).toBe(
      'the shipping service does not react to OrderApproved',
    );
    expect(JSON.stringify(w)).toBe(before);
    expect(choreographyModel.loadCommand(skipPayment[1]).ok).toBe(true);
    expect(choreographyModel.loadCommand({ type: 'remove-reaction', on: 'Teleported', service: 'order' }).ok).toBe(false);
  });

  it('seeking on a timeline equals a replay, with reactions changed in the middle', () => {
    const steps = (n: number) => Array.from({ length: n }, () => ({ type: 'step' }) as const);
    const cmds: ChoreographyCommand[] = [place('order-1'), ...steps(4), ...skipPayment, place('order-2'), ...steps(20)];
    const modelRun = choreographyModel.run({});
    for (const k of [3, 6, 7, 12, cmds.length]) {
      const t = createModelTimeline(modelRun, 8, 3, cmds);
      expect(JSON.stringify(t.seek(k)), `seek ${k}`).toBe(
        JSON.stringify(createModelTimeline(modelRun, 8, 999, cmds.slice(0, k)).state),
      );
    }
  });
});
