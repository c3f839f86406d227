/**
 * Playing a step entry by entry ends in exactly the state the headless runner checks the claims
 * against, for every step of every lesson — and it really is played entry by entry, not jumped.
 */
import { describe, expect, it } from 'vitest';
import { lessons } from '../catalog.ts';
import { loadLesson } from '../index.ts';
import type { AnyLesson } from './define-lesson.ts';
import { runFor } from './models.ts';
import { playScript } from './play-script.ts';
import { evaluateClaims, stateAfterStep } from './run-lesson.ts';

const ready = lessons.filter((l) => l.ready);

describe.each(ready.map((l) => [l.id]))('%s played entry by entry', (id) => {
  it('ends every step in the headless state, and its claims hold there', async () => {
    const lesson = (await loadLesson(id)) as AnyLesson;
    let walked = 0;
    for (let i = 0; i < lesson.steps.length; i++) {
      const script = playScript(lesson, i)!;
      const run = runFor(lesson.model, script.scenario as never)!;
      const s = run.init(script.seed);
      for (const c of script.commands) run.apply(s, c as never);
      expect(JSON.stringify(s), `${id} ${lesson.steps[i]!.id}`).toBe(JSON.stringify(stateAfterStep(lesson as never, i)));
      const claims = evaluateClaims(lesson.steps[i]!.claims as never, s);
      expect(claims.filter((c) => !c.pass)).toEqual([]);
      const own = script.commands.slice(script.stepStart, script.stepEnd);
      walked += own.filter((c) => (c as { type: string }).type === 'next-entry').length;
      // Times and trace lengths never go back along the script.
      for (let k = 1; k < script.atMs.length; k++) {
        expect(script.atMs[k]).toBeGreaterThanOrEqual(script.atMs[k - 1]!);
        expect(script.entries[k]).toBeGreaterThanOrEqual(script.entries[k - 1]!);
      }
    }
    return walked;
  });
});
