/** L23 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { eventCatalog, kafkaChoreographyModel, serviceHealth } from '../../simulator/index.ts';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L23 observability', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('the lag climbs while the payment service is down, one order at a time, and only on its group', () => {
    const run = kafkaChoreographyModel.run(lesson.scenario);
    const w = run.init(lesson.seed);
    const [, , , , down] = lesson.steps;
    for (const step of lesson.steps.slice(0, 4)) for (const c of step.commands) run.apply(w, c);
    const seen: number[] = [];
    for (const c of down!.commands) {
      run.apply(w, c);
      const h = serviceHealth(w);
      seen.push(h.find((x) => x.service === 'payment')!.lag ?? -1);
      expect(h.filter((x) => x.service !== 'payment').every((x) => x.lag === 0)).toBe(true);
    }
    // After each advance the lag has grown by one order's two records.
    expect(seen.filter((_, i) => down!.commands[i]!.type === 'advance')).toEqual([2, 4, 6]);
  });

  it('the challenge goals are not met by the lesson steps alone, and are met by the solution', () => {
    const run = kafkaChoreographyModel.run(lesson.scenario);
    const w = run.init(lesson.seed);
    for (const step of lesson.steps) for (const c of step.commands) run.apply(w, c);
    const goals = lesson.challenge.goals ?? [];
    expect(goals.some((g) => g.pass(w))).toBe(false);
    expect(eventCatalog(w).some((r) => r.name === 'PaymentFailed')).toBe(false);
    for (const c of lesson.challenge.solution.commands) run.apply(w, c);
    expect(goals.filter((g) => !g.pass(w)).map((g) => g.id)).toEqual([]);
  });
});
