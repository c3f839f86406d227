/** L21 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { kafkaChoreographyModel, kafkaChoreographyView } from '../../simulator/index.ts';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L21 saga choreography', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('a crash after the refund commits, on any order, never refunds twice', () => {
    const run = kafkaChoreographyModel.run(lesson.scenario);
    const w = run.init(lesson.seed);
    for (const id of ['a', 'b']) {
      run.apply(w, { type: 'inject-fault', fault: { service: 'shipping', action: 'create-shipment', kind: 'business' } });
      run.apply(w, { type: 'inject-fault', fault: { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' } });
      run.apply(w, { type: 'place-order', orderId: id });
      run.apply(w, { type: 'run-until-idle' });
      expect(kafkaChoreographyView(w, id).status, id).toBe('compensated');
    }
    expect(w.services.tables.refundedCentsTotal).toBe(w.services.tables.chargedCentsTotal);
  });

  it('the challenge goals are not met by the lesson steps alone', () => {
    const run = kafkaChoreographyModel.run(lesson.scenario);
    const w = run.init(lesson.seed);
    for (const step of lesson.steps) for (const c of step.commands) run.apply(w, c);
    expect((lesson.challenge.goals ?? []).some((g) => g.pass(w))).toBe(false);
  });
});
