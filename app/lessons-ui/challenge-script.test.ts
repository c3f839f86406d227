/**
 * Every written lesson's challenge, headless: its page starts where the goals are not yet met; the
 * worked solution meets every goal, both as the lesson writes it and as "Show the solution" plays
 * it (long advances in chunks, run-until-idle one entry at a time); and the solution's claims still
 * hold when it is played that way.
 */
import { describe, expect, it } from 'vitest';
import { lessonLoaders } from '../../lessons/index.ts';
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { evaluateClaims } from '../../lessons/format/run-lesson.ts';
import { simModelById, type ModelRun } from '../../simulator/index.ts';
import { advanceChunks, challengeScript, goalResults, solutionMoves, watchableSolution } from './challenge-script.ts';

type Cmd = { type: string };
type Run = ModelRun<unknown, Cmd>;

function start(lesson: AnyLesson): { run: Run; state: unknown } {
  const script = challengeScript(lesson);
  const run = simModelById(lesson.model)!.run(script.scenario as never) as unknown as Run;
  const state = run.init(script.seed);
  for (const c of script.commands) {
    const r = run.apply(state, c);
    if (!r.ok) throw new Error(`${lesson.id} setup ${c.type}: ${r.error.message}`);
  }
  return { run, state };
}

function applyOk(lesson: AnyLesson, run: Run, state: unknown, c: Cmd): void {
  const r = run.apply(state, c);
  if (!r.ok) throw new Error(`${lesson.id} ${c.type}: ${r.error.message}`);
}

const failing = (lesson: AnyLesson, state: unknown): string[] =>
  goalResults(lesson, state)
    .filter((g) => !g.pass)
    .map((g) => g.id);

const all = Object.entries(lessonLoaders);

describe('challenges', () => {
  it.each(all)('%s: has goals, and none is met before the learner acts', async (_id, load) => {
    const lesson = await load();
    expect(lesson.challenge.goals?.length ?? 0).toBeGreaterThan(0);
    const { state } = start(lesson);
    expect(failing(lesson, state)).toEqual(lesson.challenge.goals!.map((g) => g.id));
  });

  it.each(all)('%s: the solution as written meets every goal', async (_id, load) => {
    const lesson = await load();
    const { run, state } = start(lesson);
    for (const c of solutionMoves(lesson)) applyOk(lesson, run, state, c);
    expect(failing(lesson, state)).toEqual([]);
  });

  it.each(all)('%s: the solution as the page plays it meets every goal and keeps its claims', async (_id, load) => {
    const lesson = await load();
    const { run, state } = start(lesson);
    const probe = { nowMs: () => run.nowMs(state), idle: () => run.nextAtMs(state) === undefined };
    let moves = 0;
    for (const m of watchableSolution(solutionMoves(lesson), probe, run.stepCommand)) {
      applyOk(lesson, run, state, m.command);
      moves++;
    }
    expect(moves).toBeGreaterThanOrEqual(solutionMoves(lesson).length);
    expect(failing(lesson, state)).toEqual([]);
    const claims = evaluateClaims(lesson.challenge.solution.claims as never, state as never);
    expect(claims.filter((c) => !c.pass).map((c) => `${c.id}: got ${String(c.actual)}`)).toEqual([]);
  });

  it('L15: the interval goal holds exactly when no load could replay more than 100 events', async () => {
    const lesson = await lessonLoaders.L15!();
    const intervalAfter = (...everyEvents: number[]): boolean => {
      const { run, state } = start(lesson);
      for (const n of everyEvents)
        applyOk(lesson, run, state, { type: 'enable-snapshots', stream: 'account-7', everyEvents: n } as Cmd);
      return goalResults(lesson, state).find((g) => g.id === 'interval')!.pass;
    };
    expect(intervalAfter(101)).toBe(true);
    expect(intervalAfter(102)).toBe(false);
    // Switching to 100 after 1,000 backfills only past the newest snapshot: the old gaps remain.
    expect(intervalAfter(1_000, 100)).toBe(false);
  });

  it('splits a long advance into increasing chunks that end where it ends', () => {
    expect(advanceChunks(40_000, 100_000)).toHaveLength(24);
    expect(advanceChunks(40_000, 100_000).at(-1)).toBe(100_000);
    const short = advanceChunks(25_100, 25_300);
    expect(short.at(-1)).toBe(25_300);
    expect(short.every((t, i) => i === 0 || t > short[i - 1]!)).toBe(true);
    expect(advanceChunks(5_000, 5_000)).toEqual([5_000]);
  });
});
