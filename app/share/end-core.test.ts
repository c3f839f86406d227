/**
 * End in the background (issue #12): End run by the Worker's code from the page's state — its
 * inputs and outputs copied as postMessage copies them — leaves the workbench exactly where End on
 * the page does (same commands, state, trace and picture), for every model and from any cursor,
 * and seeking back from there agrees too. Cancel leaves the run where it was; any other action
 * during End first finishes it; a Worker that fails falls back to End on the page.
 */
import { describe, expect, it } from 'vitest';
import { bindModel } from '../models/bind.ts';
import { builtInScenario, modelUiById, modelUis } from '../models/index.ts';
import type { AnyModelUi } from '../models/types.ts';
import type { EndInBackground } from '../workbench/run-to-end.ts';
import { createWorkbenchStore, type WorkbenchStore } from '../workbench/store.ts';
import { runToEndFrom } from './end-core.ts';
import { attachPieces, detachLongArrays } from './pieces.ts';

type C = { type: string };

/** What the Worker does, with the structured copies postMessage makes on the way in and out. */
function fakeWorker(ui: AnyModelUi, scenario: unknown, seed: number, every: number, failing = false): EndInBackground<C> {
  return (start, commands, max, onProgress) => {
    const req = structuredClone({ kind: 'end' as const, modelId: ui.model.id, scenario, seed, every, start, commands, max });
    let cancelled = false;
    let t = 0;
    const done = new Promise<Awaited<ReturnType<EndInBackground<C>>['done']>>((resolve) =>
      setTimeout(() => {
        if (cancelled) return resolve({ ok: false, message: 'cancelled' });
        if (failing) return resolve({ ok: false, message: 'The background replay failed: boom' });
        const out = runToEndFrom(req, { now: () => (t += 1), onProgress, progressEveryMs: 1 });
        if (out.kind !== 'done') return resolve({ ok: false, message: out.message });
        // As the Worker posts them: each state's long arrays in small pieces (app/share/pieces.ts).
        const posted = structuredClone({
          appended: out.appended,
          checkpoints: out.checkpoints,
          pieces: out.checkpoints.map((c) => detachLongArrays(c.state, 50)),
        });
        posted.checkpoints.forEach((c, i) => attachPieces(c.state, posted.pieces[i]!));
        resolve({ ok: true, appended: posted.appended, checkpoints: posted.checkpoints });
      }, 0),
    );
    return { done, cancel: () => void (cancelled = true) };
  };
}

function open(ui: AnyModelUi, scenarioId: string, cursor: number, background: 'here' | 'worker' | 'failing') {
  const scenario = builtInScenario(ui, scenarioId);
  if (!scenario.ok) throw new Error(scenario.error.message);
  const run = ui.model.run(scenario.value);
  const commands = Array.from({ length: 200 }, () => run.stepCommand);
  const seed = 3;
  const every = ui.checkpointEvery;
  return createWorkbenchStore<unknown, C>(bindModel(ui, scenario.value), {
    seed,
    commands,
    cursor,
    checkpointEvery: every,
    ...(background === 'here' ? {} : { endInBackground: fakeWorker(ui, scenario.value, seed, every, background === 'failing') }),
  });
}

const settled = async (store: WorkbenchStore<C>): Promise<void> => {
  for (let i = 0; i < 1000 && store.getState().ending !== null; i++) await new Promise((r) => setTimeout(r, 0));
  expect(store.getState().ending).toBeNull();
};

function expectSame(a: WorkbenchStore<C>, b: WorkbenchStore<C>): void {
  const x = a.getState();
  const y = b.getState();
  expect(x.cursor).toBe(y.cursor);
  expect(x.length).toBe(y.length);
  expect(JSON.stringify(x.commands())).toBe(JSON.stringify(y.commands()));
  expect(x.peekState()).toEqual(y.peekState());
  expect(x.traceLength()).toBe(y.traceLength());
  expect(x.fullTrace()?.kept).toEqual(y.fullTrace()?.kept);
  expect(x.view).toEqual(y.view);
}

describe('End in the background', () => {
  for (const ui of modelUis) {
    for (const cursor of [0, 120, 200]) {
      it(`${ui.model.id}, from command ${cursor}: gives the state and trace End on the page gives`, async () => {
        const here = open(ui, ui.scenarios[0]!.id, cursor, 'here');
        const away = open(ui, ui.scenarios[0]!.id, cursor, 'worker');
        here.getState().runToEnd();
        away.getState().runToEnd();
        await settled(away);
        expectSame(away, here);
        // Seeking back over the adopted states and forward again is a replay of the same run.
        for (const k of [away.getState().length - 1, 150, 7]) {
          away.getState().seek(k);
          here.getState().seek(k);
          expectSame(away, here);
        }
        away.getState().seek(away.getState().length);
        here.getState().seek(here.getState().length);
        for (let i = 0; i < 3; i++) {
          away.getState().stepForward();
          here.getState().stepForward();
        }
        expectSame(away, here);
      });
    }
  }

  it('kafka, a cooperative rebalance: the same after End from mid-run', async () => {
    const ui = modelUiById('kafka');
    if (!ui.ok) throw new Error('no kafka');
    const here = open(ui.value, 'consumer-crash-cooperative-sticky', 90, 'here');
    const away = open(ui.value, 'consumer-crash-cooperative-sticky', 90, 'worker');
    here.getState().runToEnd();
    away.getState().runToEnd();
    expect(away.getState().ending).not.toBeNull();
    await settled(away);
    expect(away.getState().view.nowMs).toBeGreaterThan(0);
    expectSame(away, here);
  });

  it('Cancel leaves the run where it was', async () => {
    const ui = modelUis[0]!;
    const away = open(ui, ui.scenarios[0]!.id, 50, 'worker');
    const before = open(ui, ui.scenarios[0]!.id, 50, 'here');
    away.getState().runToEnd();
    expect(away.getState().ending).toEqual({ done: 0, total: 150 });
    away.getState().cancelEnd();
    expect(away.getState().ending).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    expectSame(away, before);
  });

  it('another action during End finishes End first, as if End had run on the page', async () => {
    const ui = modelUis[0]!;
    const away = open(ui, ui.scenarios[0]!.id, 50, 'worker');
    const here = open(ui, ui.scenarios[0]!.id, 50, 'here');
    away.getState().runToEnd();
    away.getState().stepBack();
    here.getState().runToEnd();
    here.getState().stepBack();
    expect(away.getState().ending).toBeNull();
    expectSame(away, here);
    // The Worker's late answer changes nothing.
    await new Promise((r) => setTimeout(r, 5));
    expectSame(away, here);
  });

  it('a Worker that fails falls back to End on the page', async () => {
    const ui = modelUis[0]!;
    const away = open(ui, ui.scenarios[0]!.id, 20, 'failing');
    const here = open(ui, ui.scenarios[0]!.id, 20, 'here');
    away.getState().runToEnd();
    here.getState().runToEnd();
    await settled(away);
    expectSame(away, here);
  });

  it('says so when the model does not exist', () => {
    const out = runToEndFrom(
      { kind: 'end', modelId: 'nope', scenario: {}, seed: 1, every: 8, start: { at: 0, state: {} }, commands: [], max: 1 },
      { now: () => 0 },
    );
    expect(out).toEqual({ kind: 'error', message: 'There is no model called "nope".' });
  });
});
