/**
 * Every node a model's view names is drawn: for each registered model and each built-in scenario,
 * the learner does everything the nodes offer (once each, in topology order), the run goes to its
 * end, and every node an entry touches or flies between, every node a section row points at and
 * every node in the view is in the topology, with no card laid over another. A token flying to a
 * node that is not drawn, a row the inspector cannot find, or a card hidden under another would
 * otherwise show only in the browser.
 */
import { describe, expect, it } from 'vitest';
import { openModel } from './open.ts';
import { modelUis } from './index.ts';
import type { AnyModelUi } from './types.ts';
import { cardsOverlapping } from './cards-apart.ts';
import { messageLegend, tokenStyle, type TokenShape } from '../workbench/flight/flight-tokens.ts';

function drawnAfterEverything(ui: AnyModelUi, raw: unknown) {
  const loaded = ui.model.loadScenario(raw);
  if (!loaded.ok) throw new Error(`${ui.model.id}: ${loaded.error.message}`);
  const store = openModel(ui, loaded.value, { seed: 3 });
  // Twice round: some actions appear only after others (a redelivery needs a delivery first).
  for (let round = 0; round < 2; round++) {
    for (const n of store.getState().topology.nodes) {
      for (const a of store.getState().actionsFor(n.id)) store.getState().dispatch(a.command);
      store.getState().stepForward();
    }
  }
  store.getState().runToEnd();
  return store.getState();
}

/** Every model is held to it (Kafka's page producer, once missing from its picture, is drawn now). */
const notYet = new Set<string>();

describe.each(modelUis.filter((ui) => !notYet.has(ui.model.id)).map((ui) => [ui.model.id, ui] as const))('%s', (_id, ui) => {
  /** The token shapes this model's entries fly as, over all its scenarios (filled by the test below). */
  const shapes = new Set<TokenShape>();
  it.each(ui.scenarios.map((s) => [s.id, s.raw] as const))('scenario %s draws every node its view names', (_sid, raw) => {
    const { topology, view } = drawnAfterEverything(ui, raw);
    const drawn = new Set<string>(topology.nodes.map((n) => n.id));
    // A Blank scenario may have nothing to do until the learner builds something (app/builder/).
    if (_sid !== 'blank') expect(view.entries.length).toBeGreaterThan(5);
    for (const n of view.nodes) expect(drawn, `view node ${n.id}`).toContain(n.id);
    for (const e of view.entries) {
      for (const id of [...e.nodes, e.from, e.to]) if (id !== undefined) expect(drawn, `${e.type} names ${id}`).toContain(id);
      if (e.from !== undefined && e.to !== undefined) shapes.add(tokenStyle(e).shape);
    }
    for (const s of view.sections ?? [])
      for (const r of s.rows) if (r.nodeId) expect(drawn, `${s.title}: ${r.label}`).toContain(r.nodeId);
    for (const e of topology.edges) expect([drawn.has(e.source), drawn.has(e.target)], e.id).toEqual([true, true]);
  });

  it.each(ui.scenarios.map((s) => [s.id, s.raw] as const))('scenario %s draws no card over another', (_sid, raw) => {
    const { topology, view } = drawnAfterEverything(ui, raw);
    expect(cardsOverlapping(topology.nodes, view.nodes)).toEqual([]);
  });

  it('its legend explains every shape its records in flight take, and no shape it never draws', () => {
    // Kafka's "a commit, assign or revoke" under a two-phase commit would teach the wrong words.
    const words = ui.flightLegend ?? messageLegend;
    expect(shapes.size).toBeGreaterThan(0);
    expect(Object.keys(words).sort()).toEqual([...shapes].sort());
  });
});
