/** L19 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { twoPhaseCommitModel, twoPhaseCommitView } from '../../simulator/index.ts';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L19 two-phase commit', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('however long the coordinator stays down, the prepared participants stay blocked and never decide alone', () => {
    for (const downMs of [500, 5_000, 60_000]) {
      const run = twoPhaseCommitModel.run(lesson.scenario);
      const w = run.init(lesson.seed);
      run.apply(w, { type: 'arm-coordinator-crash', when: 'before-decision' });
      run.apply(w, { type: 'begin', txId: 't' });
      run.apply(w, { type: 'advance', untilMs: downMs });
      const t = twoPhaseCommitView(w).find((x) => x.txId === 't')!;
      expect(Object.values(t.states), String(downMs)).toEqual(['prepared', 'prepared', 'prepared']);
      expect(t.blocked.length, String(downMs)).toBe(3);
    }
  });

  it('the challenge goals are not met by a crash before the decision', () => {
    const run = twoPhaseCommitModel.run({});
    const w = run.init(lesson.seed);
    const goals = lesson.challenge.goals ?? [];
    expect(goals.some((g) => g.pass(w))).toBe(false);
    for (const c of [
      { type: 'arm-coordinator-crash', when: 'before-decision' },
      { type: 'begin', txId: 'tx-9' },
      { type: 'advance', untilMs: 1_000 },
      { type: 'recover-coordinator' },
      { type: 'run-until-idle' },
    ] as const)
      run.apply(w, c);
    expect(goals.filter((g) => !g.pass(w)).map((g) => g.id)).toEqual(['committed']);
  });
});
