/** L15 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { accountAggregate, bankModel, loadAggregate } from '../../simulator/index.ts';
import { describeFailures, runLesson, stateAfterStep } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L15 snapshots', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('"no load replays more than 999": loads as of revisions across the whole stream stay within the bound', () => {
    const s = stateAfterStep(lesson, lesson.steps.length - 1)!;
    const snapshots = s.world.snapshots['account-7'];
    let worst = 0;
    for (let r = 0; r < 10_037; r += 13) {
      const loaded = loadAggregate(s.world.store, accountAggregate, 'account-7', {
        snapshots,
        upcasters: bankModel.upcasters,
        asOf: { revision: r },
      });
      worst = Math.max(worst, loaded.eventsReplayed);
    }
    expect(worst).toBeLessThanOrEqual(999);
  });
});
