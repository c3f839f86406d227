/**
 * The registry test: every model the app lists supplies every part, and the parts agree with each
 * other — the simulator's registry and the app's list the same models; every built-in scenario
 * loads; view, topology and actions work on a fresh world and after a short run; every node the
 * view reports, every node a trace entry touches or moves between, and every node with actions is
 * a node of the topology (one spelling per node); panel ids are unique and none clashes with the
 * shared tabs.
 */
import { describe, expect, it } from 'vitest';
import { simModels, type NodeId } from '../../simulator/index.ts';
import { builtInScenario, modelUis } from './index.ts';
import { openModel, seedOf } from './open.ts';

const sharedTabs = ['state', 'trace', 'sequence', 'inspector', 'topology'];

describe('the model registry', () => {
  it('lists exactly the simulator’s models, each once', () => {
    const ids = modelUis.map((m) => m.model.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(simModels).sort());
    for (const ui of modelUis) expect(ui.model).toBe(simModels[ui.model.id as keyof typeof simModels]);
  });

  for (const ui of modelUis) {
    describe(ui.model.id, () => {
      it('has a title, scenarios that load, and its own panels under unique ids', () => {
        expect(ui.model.title.length).toBeGreaterThan(0);
        expect(ui.scenarios.length).toBeGreaterThan(0);
        expect(new Set(ui.scenarios.map((s) => s.id)).size).toBe(ui.scenarios.length);
        for (const s of ui.scenarios) {
          expect(s.id).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
          const loaded = builtInScenario(ui, s.id);
          expect(loaded.ok, loaded.ok ? '' : loaded.error.message).toBe(true);
        }
        const panelIds = ui.panels.map((p) => p.id);
        expect(new Set(panelIds).size).toBe(panelIds.length);
        for (const id of panelIds) expect(sharedTabs).not.toContain(id);
        expect(ui.checkpointEvery).toBeGreaterThanOrEqual(1);
      });

      it('names every node one way: view, trace entries and actions all use the topology’s ids', () => {
        for (const s of ui.scenarios) {
          const scenario = builtInScenario(ui, s.id);
          if (!scenario.ok) throw new Error(scenario.error.message);
          const store = openModel(ui, scenario.value, { seed: seedOf(scenario.value) });
          // Make something happen: every action offered on every node at the start, then a few steps.
          const first = store.getState();
          for (const n of first.topology.nodes) {
            const [action] = first.actionsFor(n.id);
            if (action) store.getState().dispatch(action.command);
          }
          for (let i = 0; i < 40; i++) store.getState().stepForward();
          const st = store.getState();
          const ids = new Set<string>(st.topology.nodes.map((n) => n.id));
          expect(ids.size, 'topology node ids are unique').toBe(st.topology.nodes.length);
          for (const e of st.topology.edges) {
            expect(ids.has(e.source) && ids.has(e.target), `edge ${e.id}`).toBe(true);
          }
          for (const n of st.view.nodes) expect(ids.has(n.id), `view node ${n.id}`).toBe(true);
          const moved = st.view.entries.filter((e) => e.from !== undefined && e.to !== undefined);
          for (const e of st.view.entries) {
            for (const n of e.nodes) expect(ids.has(n), `${e.type} touches ${n}`).toBe(true);
            if (e.from) expect(ids.has(e.from), `${e.type} from ${e.from}`).toBe(true);
            if (e.to) expect(ids.has(e.to), `${e.type} to ${e.to}`).toBe(true);
          }
          // A Blank scenario has nothing to run until the learner builds something (app/builder/).
          if (s.id !== 'blank') {
            expect(st.view.entries.length, `${s.id}: something happened`).toBeGreaterThan(0);
            expect(moved.length, `${s.id}: something moved between nodes`).toBeGreaterThan(0);
          }
          // Actions are offered by id; an id that is not in the picture has none.
          expect(st.actionsFor('nowhere:at-all' as NodeId)).toEqual([]);
        }
      });
    });
  }
});
