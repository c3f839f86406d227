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
