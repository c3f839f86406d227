/** L13 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { describeFailures, runLesson, stateAfterStep } from '../format/run-lesson.ts';
import { bankRead } from '../../simulator/index.ts';
import { lesson } from './lesson.ts';

describe('L13 event sourcing', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('the learner can load the account as of every revision, and each answer is the fold of that prefix', () => {
    const s = stateAfterStep(lesson, lesson.steps.length - 1)!;
    const balances = [0, 1, 2, 3].map((r) => bankRead.balanceAsOf(s, 'account-42', r));
    expect(balances).toEqual([0, 1000, 800, 750]);
  });
});
