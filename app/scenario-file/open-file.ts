/**
 * Opening a scenario file as a playground session, and writing the session on screen as a file.
 * A file that does not load leaves nothing changed: the caller gets a message, and only a loaded
 * file becomes a new session.
 */
import { ok, type Result } from '../../simulator/index.ts';
import { builtInScenario, modelUiById } from '../models/index.ts';
import { linkModels, type Session } from '../models/open-link.ts';
import { openModel } from '../models/open.ts';
import { readScenarioFile, writeScenarioFile } from './scenario-file.ts';

/** Opens a file's text as a session, or says what is wrong with it. */
export function openScenarioFile(text: string): Result<Session> {
  const read = readScenarioFile(text, linkModels);
  if (!read.ok) return read;
  const f = read.value;
  const ui = modelUiById(f.model);
  if (!ui.ok) return ui;
  // A file saved from a built-in scenario keeps its name, if the scenario is still the same one.
  let scenarioId: string | null = null;
  if (f.scenarioId !== null) {
    const builtIn = builtInScenario(ui.value, f.scenarioId);
    if (builtIn.ok && JSON.stringify(builtIn.value) === JSON.stringify(f.scenario.spec)) scenarioId = f.scenarioId;
  }
  const store = openModel(ui.value, f.scenario.spec, { seed: f.seed, commands: f.commands, cursor: f.cursor });
  return ok({ ui: ui.value, scenarioId, scenario: f.scenario.spec, store });
}

/** The file text for the moment a session is at now. */
export function fileOf(session: Session): string {
  const s = session.store.getState();
  return writeScenarioFile({
    model: session.ui.model.id,
    scenarioId: session.scenarioId,
    scenario: session.scenario,
    seed: s.seed,
    commands: s.commands(),
    cursor: s.cursor,
  });
}

/** A file name for a session: `eda-lab-kafka-blank.json`. */
export function fileNameOf(session: Session): string {
  return `eda-lab-${session.ui.model.id}-${session.scenarioId ?? 'scenario'}.json`;
}
