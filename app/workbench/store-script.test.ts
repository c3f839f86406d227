/**
 * The workbench store bounded to a lesson step: play lands each trace entry at its virtual time
 * and stops at the step's end — in the very state End (and a deep link) gives; Step and Back move
 * one trace entry; Start and End are the step's; the prediction's lock holds every forward move;
 * running on past the end is an explicit choice.
 */
import { describe, expect, it } from 'vitest';
import { lessonLoaders } from '../../lessons/index.ts';
import { partScript } from '../lessons-ui/lesson-parts.ts';
import { modelUiById } from '../models/index.ts';
import { openModel } from '../models/open.ts';
import type { AnyModelUi } from '../models/types.ts';

async function open(lessonId: string, stepId: string, atStart = true) {
  const lesson = await lessonLoaders[lessonId]!();
  const script = partScript(
    lesson,
    lesson.steps.findIndex((s) => s.id === stepId),
    atStart,
  )!;
  const found = modelUiById(lesson.model);
  const ui = (found.ok ? found.value : undefined) as AnyModelUi;
  const store = openModel(ui, script.scenario, {
    seed: script.seed,
    commands: script.commands,
    cursor: script.cursor,
    script: script.step,
    speed: script.speed,
  });
  return { store, script };
}

const lastEntry = (s: { view: { entries: Array<{ id: number }> } }): number => s.view.entries.at(-1)?.id ?? -1;

describe('a lesson step in the store', () => {
  it('plays entry by entry to the step’s end and stops there, in the state End gives', async () => {
    const { store, script } = await open('L20', 'payment-declined');
    const times = new Set<number>();
    store.getState().play();
    for (let frame = 0; frame < 5_000 && store.getState().playing; frame++) {
      store.getState().tick(16);
      times.add(store.getState().view.nowMs);
    }
    const played = store.getState();
    expect(played.playing).toBe(false);
    expect(played.cursor).toBe(script.stepEnd);
    expect(times.size).toBeGreaterThan(5);
    // More frames change nothing: the step does not run on by itself.
    store.getState().tick(1_000);
    expect(store.getState().cursor).toBe(script.stepEnd);
    const { store: ended } = await open('L20', 'payment-declined', false);
    expect(played.view).toEqual(ended.getState().view);
  });

  it('steps and backs one trace entry at a time, inside the step', async () => {
    const { store, script } = await open('L06', 'slow-consumer');
    const s = store.getState;
    const first = lastEntry(s());
    s().stepBack();
    expect(s().cursor).toBe(script.stepStart);
    s().stepForward();
    s().stepForward();
    const two = lastEntry(s());
    s().stepForward();
    expect(lastEntry(s())).toBeGreaterThan(two);
    s().stepBack();
    expect(lastEntry(s())).toBe(two);
    s().restart();
    expect(s().cursor).toBe(script.stepStart);
    expect(lastEntry(s())).toBe(first);
    s().seek(0);
    expect(s().cursor).toBe(script.stepStart);
    s().runToEnd();
    expect(s().cursor).toBe(script.stepEnd);
    expect(s().view.nowMs).toBe(20_000);
    s().stepForward();
    expect(s().cursor).toBe(script.stepEnd);
  });

  it('holds every forward move while locked, and runs on only when asked', async () => {
    const { store, script } = await open('L06', 'scale-out');
    const s = store.getState;
    s().setLock('Answer the prediction first');
    s().play();
    s().tick(500);
    s().stepForward();
    s().runToEnd();
    s().seek(script.stepEnd);
    s().keepRunning();
    expect(s().cursor).toBe(script.stepStart);
    expect(s().playing).toBe(false);
    s().setLock(null);
    s().runToEnd();
    expect(s().cursor).toBe(script.stepEnd);
    // At the end, Play replays the step; running on is keepRunning's.
    s().play();
    expect(s().cursor).toBe(script.stepStart);
    s().runToEnd();
    s().keepRunning();
    expect(s().offScript).toBe(true);
    const end = s().view.nowMs;
    for (let i = 0; i < 40; i++) s().tick(100);
    expect(s().view.nowMs).toBeGreaterThan(end);
  });
});
