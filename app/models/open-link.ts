/**
 * Opening a playground session: from a share link (`?s=v2:…` or an old `v1:` one) or from a model
 * and one of its built-in scenarios (`?model=…&scenario=…`). Every failure is a value with a
 * message the learner can act on; nothing here throws.
 */
import { ok, type Result } from '../../simulator/index.ts';
import { decodeShareState, encodeShareState, type LinkModels } from '../share/share-link.ts';
import type { WorkbenchStore } from '../workbench/store.ts';
import { builtInScenario, defaultModelId, modelUiById } from './index.ts';
import { openModel, seedOf } from './open.ts';
import type { AnyModelUi } from './types.ts';

export interface Session {
  ui: AnyModelUi;
  /** The built-in scenario's id, or null for a scenario that came inline in a link. */
  scenarioId: string | null;
  scenario: unknown;
  store: WorkbenchStore<{ type: string }>;
}

/** The registry as share links see it: a model's loaders by id. */
export const linkModels: LinkModels<{ type: string }> = (id) => {
  const ui = modelUiById(id);
  return ui.ok ? ok({ loadScenario: ui.value.model.loadScenario, loadCommand: ui.value.model.loadCommand }) : ui;
};

/** Opens a shared moment. */
export function openLink(text: string): Result<Session> {
  const decoded = decodeShareState(text, linkModels);
  if (!decoded.ok) return decoded;
  const st = decoded.value;
  const ui = modelUiById(st.model);
  if (!ui.ok) return ui;
  const scenario = 'id' in st.scenario ? builtInScenario(ui.value, st.scenario.id) : ok(st.scenario.spec);
  if (!scenario.ok) return scenario;
  const store = openModel(ui.value, scenario.value, { seed: st.seed, commands: st.commands, cursor: st.cursor });
  return ok({ ui: ui.value, scenarioId: 'id' in st.scenario ? st.scenario.id : null, scenario: scenario.value, store });
}

/** Opens a model's built-in scenario fresh (the model's first scenario when none is named). */
export function openScenario(modelId: string | null, scenarioId: string | null): Result<Session> {
  const ui = modelUiById(modelId ?? defaultModelId);
  if (!ui.ok) return ui;
  const id = scenarioId ?? ui.value.scenarios[0]!.id;
  const scenario = builtInScenario(ui.value, id);
  if (!scenario.ok) return scenario;
  const store = openModel(ui.value, scenario.value, { seed: seedOf(scenario.value) });
  return ok({ ui: ui.value, scenarioId: id, scenario: scenario.value, store });
}

/** The link text for the moment a session's store is at now. */
export function linkOf(session: Session): string {
  const s = session.store.getState();
  return encodeShareState({
    model: session.ui.model.id,
    scenario: session.scenarioId !== null ? { id: session.scenarioId } : { spec: session.scenario },
    seed: s.seed,
    commands: [...s.commands()],
    cursor: s.cursor,
  });
}
