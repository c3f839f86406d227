/** The step player's arithmetic, with numbers: one entry per Step, beats held, quiet time skipped. */
import { describe, expect, it } from 'vitest';
import { backTarget, beatMs, createScriptPlayer, forwardTarget, leadRealMs, skipQuiet, type StepScript } from './step-script.ts';

// Positions 2..6 are the step: an instant command (a beat) at 1000, two entries at 1100 and 1200,
// a command that writes nothing, then the coarse command's end at 5000.
const script: StepScript = {
  start: 2,
  end: 7,
  atMs: [0, 1000, 1000, 1100, 1200, 1200, 5000],
  entries: [1, 2, 4, 5, 6, 6, 6],
  beat: [false, false, true, false, false, false, false],
  startEntries: 0,
};

describe('step script', () => {
  it('Step moves to the next new entry and Back to the previous, inside the step', () => {
    expect(forwardTarget(script, 2)).toBe(3);
    expect(forwardTarget(script, 4)).toBe(5);
    // Nothing new after position 5: Step goes to the step's end.
    expect(forwardTarget(script, 5)).toBe(7);
    expect(forwardTarget(script, 7)).toBe(7);
    expect(backTarget(script, 7)).toBe(4);
    expect(backTarget(script, 3)).toBe(2);
    expect(backTarget(script, 2)).toBe(2);
  });

  it('skips quiet time only once what happened last has landed', () => {
    expect(skipQuiet(1200, 1200, 5000, 1)).toBe(1200);
    expect(skipQuiet(2300, 1200, 5000, 1)).toBe(5000 - leadRealMs);
    expect(skipQuiet(4500, 1200, 5000, 1)).toBe(4500);
  });

  it('holds a beat on an instant command, then lands entries at their times, and stops at the end', () => {
    let cursor = 2;
    const times = [0, ...script.atMs];
    const player = createScriptPlayer(script, 400);
    const frame = (clockMs: number, realMs: number) =>
      player.frame(
        { clockMs, speed: 1, realMs, discrete: false },
        () => cursor,
        (k) => (cursor = k),
        () => times[cursor]!,
      )!;
    let f = frame(1000, 16);
    expect([f.beat, cursor, f.clockMs]).toEqual([true, 3, 1000]);
    f = frame(f.clockMs, beatMs - 100);
    expect([f.steps, cursor, f.clockMs]).toEqual([0, 3, 1000]);
    f = frame(f.clockMs, 250);
    expect(cursor).toBe(4);
    for (let i = 0; i < 100 && !f.ended; i++) f = frame(f.clockMs, 100);
    expect([f.ended, cursor, f.clockMs]).toEqual([true, 7, 5000]);
  });
});
