/** L20 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { sagaModel, sagaRead } from '../../simulator/index.ts';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L20 saga orchestration and compensation', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('whichever step the learner makes fail, the done steps are compensated newest first', () => {
    const cases = [
      { action: 'reserve-inventory', service: 'inventory', undone: 'create-order' },
      { action: 'charge-payment', service: 'payment', undone: 'reserve-inventory, create-order' },
      { action: 'create-shipment', service: 'shipping', undone: 'charge-payment, reserve-inventory, create-order' },
    ] as const;
    for (const c of cases) {
      const run = sagaModel.run(lesson.scenario);
      const w = run.init(lesson.seed);
      run.apply(w, { type: 'inject-fault', fault: { service: c.service, action: c.action, kind: 'business' } });
      run.apply(w, { type: 'place-order', orderId: 'o' });
      run.apply(w, { type: 'run-until-idle' });
      expect(sagaRead.status(w, 'o'), c.action).toBe('compensated');
      expect(sagaRead.compensationOrder(w, 'o'), c.action).toBe(c.undone);
    }
  });
});
