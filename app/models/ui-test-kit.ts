/**
 * A check every model's registry entry gets in its own test file: opened in the workbench from its
 * first built-in scenario, a first move offered on a node applies, steps write trace entries, a
 * step back undoes one, End runs on, and a node that acts on nothing offers nothing. Plus `act`,
 * which runs a node's action by the start of its label.
 */
import { expect } from 'vitest';
import type { NodeId } from '../../simulator/index.ts';
import type { WorkbenchStore } from '../workbench/store.ts';
import { openModel } from './open.ts';
import type { AnyModelUi } from './types.ts';

export function expectOpensInWorkbench(ui: AnyModelUi, first: { node: NodeId; action: string }, quiet: NodeId): void {
  const loaded = ui.model.loadScenario(ui.scenarios[0]!.raw);
  expect(loaded.ok).toBe(true);
  const store = openModel(ui, loaded.ok ? loaded.value : {}, { seed: 9 });
  const a = store
    .getState()
    .actionsFor(first.node)
    .find((x) => x.label === first.action);
  expect(a, 'the first move is offered').toBeDefined();
  expect(store.getState().dispatch(a!.command)).toBe(true);
  for (let i = 0; i < 4; i++) store.getState().stepForward();
  const entries = store.getState().view.entries.length;
  expect(entries).toBeGreaterThan(0);
  store.getState().stepBack();
  expect(store.getState().view.entries.length).toBeLessThan(entries);
  store.getState().runToEnd();
  expect(store.getState().view.entries.length).toBeGreaterThanOrEqual(entries);
  expect(store.getState().actionsFor(quiet)).toEqual([]);
}

/** Runs the action whose label starts with `label` on a node, and checks the model took it. */
export function act(store: WorkbenchStore<{ type: string }>, nodeId: string, label: string): void {
  const a = store
    .getState()
    .actionsFor(nodeId)
    .find((x) => x.label.startsWith(label));
  expect(a, `${nodeId} offers "${label}"`).toBeDefined();
  expect(store.getState().dispatch(a!.command)).toBe(true);
}
