/** L10 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L10 idempotent consumers', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });
});
