/** Reordering saga steps in the form, and the next order id after the highest placed. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS, sagaModel, type SagaWorld, type StepName } from '../../../simulator/index.ts';
import { freeOrderId } from './saga-actions.ts';
import { compensationOrder, moveStep, stepWords } from './saga-controls.ts';

describe('saga controls', () => {
  it('moves a step up or down, never off the list', () => {
    const steps = [...DEFAULT_STEPS] as StepName[];
    expect(moveStep(steps, 3, -1)).toEqual(['create-order', 'reserve-inventory', 'create-shipment', 'charge-payment']);
    expect(moveStep(steps, 0, -1)).toEqual(steps);
    expect(moveStep(steps, 3, 1)).toEqual(steps);
    expect(steps).toEqual(DEFAULT_STEPS);
  });

  it('names each step with what undoes it, and the reverse order compensations run in', () => {
    expect(stepWords('charge-payment')).toBe('charge-payment (payment; undone by refund-payment)');
    expect(stepWords('create-shipment')).toBe('create-shipment (shipping; cannot be undone by a compensation)');
    expect(compensationOrder(['create-order', 'reserve-inventory', 'create-shipment', 'charge-payment'])).toBe(
      'If charge-payment fails, the done steps are undone in reverse: nothing can undo create-shipment: a person must act, then release-inventory, then cancel-order.',
    );
    expect(compensationOrder([...DEFAULT_STEPS])).toBe(
      'If create-shipment fails, the done steps are undone in reverse: refund-payment, then release-inventory, then cancel-order.',
    );
  });

  it('follows a compensation switched off: the step is named as one a person must undo', () => {
    const off = { noCompensation: ['charge-payment'] as StepName[] };
    expect(stepWords('charge-payment', off)).toBe('charge-payment (payment; cannot be undone by a compensation)');
    expect(compensationOrder([...DEFAULT_STEPS], off)).toBe(
      'If create-shipment fails, the done steps are undone in reverse: nothing can undo charge-payment: a person must act, then release-inventory, then cancel-order.',
    );
  });

  it('offers the order after the highest one placed', () => {
    const run = sagaModel.run({});
    const w = run.init(1) as SagaWorld;
    expect(freeOrderId(w)).toBe('order-1');
    expect(run.apply(w, { type: 'place-order', orderId: 'order-5' }).ok).toBe(true);
    expect(freeOrderId(w)).toBe('order-6');
  });
});
