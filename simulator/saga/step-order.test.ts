/** Reordering the saga's steps: new sagas take the new order, compensations follow it in reverse. */
import { describe, expect, it } from 'vitest';
import { applySagaCommand, createOrchestratedSaga } from './orchestrated-saga.ts';
import { sagaModel } from './saga-model.ts';
import { sagaRead } from './saga-reads.ts';
import type { SagaCommand, StepName } from './saga-types.ts';

const shippingFirst: StepName[] = ['create-order', 'reserve-inventory', 'create-shipment', 'charge-payment'];
const shippingLast: StepName[] = ['create-order', 'reserve-inventory', 'charge-payment', 'create-shipment'];
const declineCard: SagaCommand = {
  type: 'inject-fault',
  fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' },
};

function apply(w: ReturnType<typeof createOrchestratedSaga>, ...cs: SagaCommand[]): void {
  for (const c of cs) {
    const r = applySagaCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
}

describe('set-step-order', () => {
  it('moving shipping back to the end turns a stuck saga into a compensated one', () => {
    const w = createOrchestratedSaga({ seed: 1, steps: shippingFirst, initialStock: { 'sku-1': 10 } });
    apply(w, declineCard, { type: 'place-order', orderId: 'order-1' }, { type: 'run-until-idle' });
    expect(sagaRead.status(w, 'order-1')).toBe('needs-manual-action');

    apply(w, { type: 'set-step-order', steps: shippingLast }, declineCard);
    apply(w, { type: 'place-order', orderId: 'order-2' }, { type: 'run-until-idle' });
    expect(w.config.steps).toEqual(shippingLast);
    expect(sagaRead.status(w, 'order-2')).toBe('compensated');
    expect(sagaRead.compensationOrder(w, 'order-2')).toBe('reserve-inventory, create-order');
    expect(sagaRead.shipment(w, 'order-2')).toBe('none');
    // The saga that started before the reorder keeps the order it started with.
    expect(w.sagas['order-1']!.steps.map((s) => s.name)).toEqual(shippingFirst);
    const entry = w.trace.entries.find((e) => e.type === 'steps-reordered');
    expect(entry && sagaModel.describe(entry)).toBe(
      'Sagas started from now on run create-order → reserve-inventory → charge-payment → create-shipment; a failure compensates the done steps in reverse.',
    );
  });

  it('refuses an order that drops, repeats or invents a step, and changes nothing', () => {
    const w = createOrchestratedSaga({ seed: 1 });
    const cases: Array<[unknown, RegExp]> = [
      [['create-order', 'reserve-inventory', 'charge-payment'], /leaves out create-shipment/],
      [['create-order', 'create-order', 'charge-payment', 'create-shipment'], /appears twice/],
      [['create-order', 'reserve-inventory', 'charge-payment', 'teleport'], /unknown step "teleport"/],
      ['create-order', /must be a list/],
    ];
    for (const [steps, message] of cases) {
      const r = applySagaCommand(w, { type: 'set-step-order', steps } as SagaCommand);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(w.config.steps).toEqual(shippingLast);
    expect(w.trace.entries.some((e) => e.type === 'steps-reordered')).toBe(false);
  });

  it('is a command the model schema accepts, so it travels in a share link', () => {
    expect(sagaModel.loadCommand({ type: 'set-step-order', steps: shippingFirst }).ok).toBe(true);
    expect(sagaModel.loadCommand({ type: 'set-step-order', steps: ['nope'] }).ok).toBe(false);
  });
});

describe('add-step and remove-step', () => {
  it('builds the saga from its one Blank step: added steps run and compensate; a running saga keeps its steps', () => {
    const w = createOrchestratedSaga({ seed: 1, steps: ['create-order'], initialStock: { 'sku-1': 10 } });
    apply(w, { type: 'add-step', step: 'charge-payment' }, { type: 'add-step', step: 'reserve-inventory', at: 1 });
    expect(w.config.steps).toEqual(['create-order', 'reserve-inventory', 'charge-payment']);
    apply(w, { type: 'place-order', orderId: 'order-1' }, { type: 'remove-step', step: 'reserve-inventory' }, declineCard);
    apply(w, { type: 'place-order', orderId: 'order-2' }, { type: 'run-until-idle' });
    // order-1 started with three steps and completed them; order-2 had two, and the declined card undid the first.
    expect(sagaRead.steps(w, 'order-1')).toBe('create-order:done, reserve-inventory:done, charge-payment:done');
    expect(sagaRead.status(w, 'order-2')).toBe('compensated');
    expect(sagaRead.steps(w, 'order-2')).toBe('create-order:compensated, charge-payment:failed');
    const said = w.trace.entries.filter((e) => e.type === 'steps-changed').map((e) => sagaModel.describe(e));
    expect(said.at(-1)).toBe(
      'Step reserve-inventory removed: sagas started from now on run create-order → charge-payment; sagas already running keep their steps.',
    );
  });

  it('refuses a step twice, a place out of range, a step the saga lacks and its last step', () => {
    const w = createOrchestratedSaga({ seed: 1, steps: ['create-order'] });
    const cases: Array<[SagaCommand, string]> = [
      [{ type: 'add-step', step: 'create-order' }, 'the saga runs create-order already; a step runs once per saga'],
      [{ type: 'add-step', step: 'charge-payment', at: 3 }, 'a new step goes at a place from 0 to 1, got 3'],
      [{ type: 'remove-step', step: 'charge-payment' }, 'the saga has no step "charge-payment" (it runs create-order)'],
      [{ type: 'remove-step', step: 'create-order' }, "create-order is the saga's only step; a saga needs at least one"],
    ];
    for (const [c, message] of cases) {
      const r = applySagaCommand(w, c);
      expect(r.ok ? 'accepted' : r.error.message).toBe(message);
    }
    expect(w.config.steps).toEqual(['create-order']);
    expect(sagaModel.loadCommand({ type: 'add-step', step: 'teleport' }).ok).toBe(false);
    expect(sagaModel.loadCommand({ type: 'add-step', step: 'create-shipment', at: 0 }).ok).toBe(true);
  });
});

describe('set-compensation', () => {
  const noCourier: SagaCommand = {
    type: 'inject-fault',
    fault: { service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier can collect' },
  };

  it('a step without compensation is left for a person when a later step fails; restoring it undoes it again', () => {
    const w = createOrchestratedSaga({ seed: 1, initialStock: { 'sku-1': 10 } });
    apply(w, { type: 'set-compensation', step: 'charge-payment', compensation: null }, noCourier);
    apply(w, { type: 'place-order', orderId: 'order-1' }, { type: 'run-until-idle' });
    expect(sagaRead.status(w, 'order-1')).toBe('needs-manual-action');
    // Inventory and the order are compensated; the money stays taken until a person refunds it.
    expect(sagaRead.compensationOrder(w, 'order-1')).toBe('reserve-inventory, create-order');
    expect(w.sagas['order-1']!.requiredActions.map((a) => [a.type, a.step])).toEqual([['undo-by-hand', 'charge-payment']]);
    expect(sagaRead.refundedTotal(w)).toBe(0);
    expect(sagaRead.netTaken(w)).toBeGreaterThan(0);
    const entry = w.trace.entries.find((e) => e.type === 'compensation-changed');
    expect(entry && sagaModel.describe(entry)).toBe(
      'Step charge-payment has no compensation in sagas started from now on: once done, only a person can undo it.',
    );

    apply(w, { type: 'set-compensation', step: 'charge-payment', compensation: 'refund-payment' }, noCourier);
    apply(w, { type: 'place-order', orderId: 'order-2' }, { type: 'run-until-idle' });
    expect(sagaRead.status(w, 'order-2')).toBe('compensated');
    expect(sagaRead.compensationOrder(w, 'order-2')).toBe('charge-payment, reserve-inventory, create-order');
    // order-1 keeps what it started with.
    expect(w.sagas['order-1']!.steps.find((s) => s.name === 'charge-payment')!.compensatable).toBe(false);
  });

  it('refuses an action of another service, a compensation for shipping, and a change that changes nothing', () => {
    const w = createOrchestratedSaga({ seed: 1 });
    const refuse = (c: SagaCommand): string => {
      const r = applySagaCommand(w, c);
      if (r.ok) throw new Error(`${JSON.stringify(c)} should be refused`);
      return r.error.message;
    };
    expect(refuse({ type: 'set-compensation', step: 'charge-payment', compensation: 'release-inventory' })).toBe(
      "charge-payment is undone by the payment service's refund-payment, not by release-inventory",
    );
    expect(refuse({ type: 'set-compensation', step: 'create-shipment', compensation: 'cancel-order' })).toBe(
      'the shipping service has no action that undoes create-shipment: a parcel that left cannot be un-sent',
    );
    expect(refuse({ type: 'set-compensation', step: 'create-order', compensation: 'cancel-order' })).toBe(
      'create-order is undone by cancel-order already',
    );
    expect(w.config.noCompensation).toBeUndefined();
    expect(sagaModel.loadCommand({ type: 'set-compensation', step: 'create-order', compensation: null }).ok).toBe(true);
    expect(sagaModel.loadCommand({ type: 'set-compensation', step: 'create-order', compensation: 'teleport' }).ok).toBe(false);
  });
});
