/**
 * Playing a step entry by entry ends in exactly the state the headless runner checks the claims
 * against, for every step of every lesson — and it really is played entry by entry, not jumped.
 */
import { describe, expect, it } from 'vitest';
import { lessons } from '../catalog.ts';
import { loadLesson } from '../index.ts';
import type { AnyLesson } from './define-lesson.ts';
import { runFor } from './models.ts';
import { growthCuts } from './command-pieces.ts';
import { playScript } from './play-script.ts';
import { evaluateClaims, stateAfterStep } from './run-lesson.ts';

const ready = lessons.filter((l) => l.ready);

/** Moments a step that writes at many times lands on at least, when it does not land on every one. */
const growingPiecesMin = 50;

/** The trace length when the step starts. */
const entriesBefore = (script: { stepStart: number; startEntries: number; entries: number[] }): number =>
  script.stepStart === 0 ? script.startEntries : script.entries[script.stepStart - 1]!;

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
      // Every virtual time at which the step wrote something is a moment the player stops at: a
      // step never jumps over a moment (retention deleting a segment, a batch landing) to its end.
      // A long run of them (ten thousand deposits) is shown growing in many pieces instead.
      const written = new Set(
        run
          .trace(s)
          .entries.filter((e) => e.id >= entriesBefore(script) && e.id < script.entries[script.stepEnd - 1]!)
          .map((e) => e.atMs),
      );
      const landed = new Set<number>();
      for (let k = script.stepStart; k < script.stepEnd; k++)
        if (script.entries[k]! > (k === 0 ? script.startEntries : script.entries[k - 1]!)) landed.add(script.atMs[k]!);
      const jumped = [...written].filter((t) => !landed.has(t));
      if (landed.size < growingPiecesMin)
        expect(jumped.slice(0, 5), `${id} ${lesson.steps[i]!.id}: times jumped over`).toEqual([]);
      // Times and trace lengths never go back along the script.
      for (let k = 1; k < script.atMs.length; k++) {
        expect(script.atMs[k]).toBeGreaterThanOrEqual(script.atMs[k - 1]!);
        expect(script.entries[k]).toBeGreaterThanOrEqual(script.entries[k - 1]!);
      }
    }
    return walked;
  });
});

describe('growthCuts', () => {
  it('cuts the first ten one by one, then tens, then hundreds, ending at the last', () => {
    expect(growthCuts(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20 - 8]);
    const cuts = growthCuts(0, 9_999);
    expect(cuts.slice(0, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]);
    expect(cuts.at(-1)).toBe(9_999);
    expect(cuts.length).toBeLessThan(130);
    expect(growthCuts(5, 6)).toEqual([6]);
    expect(growthCuts(3, 3)).toEqual([]);
  });
});
