/**
 * Opening a playground session: from a share link (`?s=v2:…` or an old `v1:` one) or from a model
 * and one of its built-in scenarios (`?model=…&scenario=…`). Every failure is a value with a
 * message the learner can act on; nothing here throws.
 */
import { ErrorCode, fail, ok, type Result } from '../../simulator/index.ts';
import type { Handover, ReplayRequest } from '../share/replay-core.ts';
import { replayQuickly } from '../share/replay.ts';
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

/** A shared moment decoded and checked, not yet opened. */
export interface DecodedLink {
  ui: AnyModelUi;
  scenarioId: string | null;
  scenario: unknown;
  seed: number;
  commands: readonly { type: string }[];
  cursor: number;
}

/** Decodes and checks a link: the model exists, the scenario loads, every command is valid. */
export function decodeLink(text: string): Result<DecodedLink> {
  const decoded = decodeShareState(text, linkModels);
  if (!decoded.ok) return decoded;
  const st = decoded.value;
  const ui = modelUiById(st.model);
  if (!ui.ok) return ui;
  const scenario = 'id' in st.scenario ? builtInScenario(ui.value, st.scenario.id) : ok(st.scenario.spec);
  if (!scenario.ok) return scenario;
  const scenarioId = 'id' in st.scenario ? st.scenario.id : null;
  return ok({ ui: ui.value, scenarioId, scenario: scenario.value, seed: st.seed, commands: st.commands, cursor: st.cursor });
}

/** Opens a decoded link, at its cursor (with `restore`, from states replayed elsewhere). */
export function openDecoded(link: DecodedLink, restore?: Handover): Session {
  const store = openModel(link.ui, link.scenario, {
    seed: link.seed,
    commands: link.commands,
    cursor: link.cursor,
    ...(restore ? { restore } : {}),
  });
  return { ui: link.ui, scenarioId: link.scenarioId, scenario: link.scenario, store };
}

/** What the link replay (quick or in the Worker) needs to know about a decoded link. */
export function replayRequestOf(link: DecodedLink): ReplayRequest {
  return {
    modelId: link.ui.model.id,
    scenario: link.scenario,
    seed: link.seed,
    commands: link.commands,
    cursor: link.cursor,
    every: link.ui.checkpointEvery,
  };
}

/** Opens a shared moment, replaying on this thread however long it takes (tests, fixtures). */
export function openLink(text: string): Result<Session> {
  const decoded = decodeLink(text);
  return decoded.ok ? ok(openDecoded(decoded.value)) : decoded;
}

/** A session, a failure, or a link that needs a background replay before it can open. */
export type Opening = Result<Session> | { ok: 'replaying'; link: DecodedLink };

/**
 * Opens a shared moment without freezing the page: a link of steps only is replayed here when
 * that is quick (at most `quickMs`); anything longer, and any link with other commands before its
 * cursor, is handed back for the Worker (app/share/ReplayingLink.tsx).
 */
export function openLinkResponsively(text: string): Opening {
  const decoded = decodeLink(text);
  if (!decoded.ok) return decoded;
  const link = decoded.value;
  // A command other than a step (advance a minute, run until idle) can take seconds on its own,
  // and one command cannot be interrupted: such links replay in the Worker from the start.
  const stepType = link.ui.model.run(link.scenario).stepCommand.type;
  const onlySteps = link.commands.slice(0, link.cursor).every((c) => c.type === stepType);
  if (!onlySteps) return { ok: 'replaying', link };
  const quick = replayQuickly(replayRequestOf(link));
  if (quick === undefined) return { ok: 'replaying', link };
  if ('error' in quick) return fail(ErrorCode.ScenarioInvalid, quick.error);
  return ok(openDecoded(link, quick));
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
