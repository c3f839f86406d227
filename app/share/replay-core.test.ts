/**
 * The link replay (issue #12): what the Worker hands back — the checkpoints nearest a link's
 * cursor, copied as postMessage copies them — opens a workbench at the same moment as replaying
 * the link on the page, for every model, and stepping back from there agrees too. The quick
 * main-thread try gives up on time; an unknown model is a message.
 */
import { describe, expect, it } from 'vitest';
import { builtInScenario, modelUis } from '../models/index.ts';
import { openDecoded, replayRequestOf, type DecodedLink } from '../models/open-link.ts';
import { replayToCursor } from './replay-core.ts';

const steps = 300;

function linkFor(ui: (typeof modelUis)[number]): DecodedLink {
  const scenario = builtInScenario(ui, ui.scenarios[0]!.id);
  if (!scenario.ok) throw new Error(scenario.error.message);
  const run = ui.model.run(scenario.value);
  return {
    ui,
    scenarioId: ui.scenarios[0]!.id,
    scenario: scenario.value,
    seed: 3,
    commands: Array.from({ length: steps }, () => run.stepCommand),
    cursor: steps - 17,
  };
}

const clock = () => {
  let t = 0;
  return () => (t += 1);
};

describe('replaying a link for the Worker', () => {
  for (const ui of modelUis) {
    it(`${ui.model.id}: the handed-over states open the same moment as a replay on the page`, () => {
      const link = linkFor(ui);
      const out = replayToCursor(replayRequestOf(link), { now: clock() });
      if (out.kind !== 'done') throw new Error(out.kind);
      expect(out.checkpoints.at(-1)!.at).toBe(link.cursor);
      const restored = openDecoded(link, structuredClone(out.checkpoints)).store;
      const direct = openDecoded(link).store;
      const same = () => {
        const a = restored.getState();
        const b = direct.getState();
        expect(a.cursor).toBe(b.cursor);
        expect(a.clockMs).toBe(b.clockMs);
        expect(a.view).toEqual(b.view);
      };
      same();
      for (let i = 0; i < 5; i++) {
        restored.getState().stepBack();
        direct.getState().stepBack();
      }
      same();
      for (let i = 0; i < 30; i++) {
        restored.getState().stepForward();
        direct.getState().stepForward();
      }
      same();
    });
  }

  it('gives up when out of time, having replayed part of the way', () => {
    const link = linkFor(modelUis[0]!);
    const out = replayToCursor(replayRequestOf(link), { now: clock(), budgetMs: 3 });
    expect(out.kind).toBe('out-of-time');
    if (out.kind === 'out-of-time') expect(out.done).toBeLessThan(link.cursor);
  });

  it('reports progress and says so when the model does not exist', () => {
    const link = linkFor(modelUis[0]!);
    const seen: number[] = [];
    replayToCursor(replayRequestOf(link), { now: clock(), onProgress: (d) => seen.push(d), progressEveryMs: 1 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const out = replayToCursor({ ...replayRequestOf(link), modelId: 'nope' }, { now: clock() });
    expect(out).toEqual({ kind: 'error', message: 'There is no model called "nope".' });
  });
});
