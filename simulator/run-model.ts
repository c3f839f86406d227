/**
 * Running any model headless, through the contract alone: a scenario, a seed and a list of
 * commands (a script), each validated by the model and applied in order, then the run carried to
 * the scenario's end with the model's own End command. What the CLI prints for a model other than
 * Kafka (`npm run sim -- file.json --model saga --commands script.json`); pure, so it is tested.
 */
import type { AnyModel } from './core/model.ts';

/** Ends applied after the script, at most: a model whose End runs in stretches stops here. */
const endsMax = 1000;

export interface ModelScriptResult {
  model: string;
  seed: number;
  /** Virtual time at the end of the run, in ms. */
  nowMs: number;
  /** Trace entries written, by type (the whole run, also in summary trace mode). */
  entries: Record<string, number>;
  /** What each command of the script answered: `ok`, or the model's error code and message. */
  commands: Array<{ type: string; ok: true } | { type: string; ok: false; code: string; message: string }>;
}

export type ModelScriptLoad = { ok: true; value: ModelScriptResult } | { ok: false; message: string };

/** Validates and runs a script on a model. Never throws for bad input: that is the `message`. */
export function runModelScript(model: AnyModel, scenarioInput: unknown, commandsInput: unknown, seed: number): ModelScriptLoad {
  const scenario = model.loadScenario(scenarioInput);
  if (!scenario.ok) return { ok: false, message: `the ${model.title} scenario is not valid: ${scenario.error.message}` };
  if (!Array.isArray(commandsInput)) return { ok: false, message: 'the commands must be a JSON list' };
  const commands: unknown[] = [];
  for (let i = 0; i < commandsInput.length; i++) {
    const c = model.loadCommand(commandsInput[i]);
    if (!c.ok) return { ok: false, message: `command ${i + 1} is not valid: ${c.error.message}` };
    commands.push(c.value);
  }
  const run = model.run(scenario.value);
  const state = run.init(seed);
  const answers: ModelScriptResult['commands'] = commands.map((c) => {
    const type = (c as { type: string }).type;
    const r = run.apply(state, c);
    return r.ok ? { type, ok: true } : { type, ok: false, code: r.error.code, message: r.error.message };
  });
  for (let i = 0; i < endsMax && run.nextAtMs(state) !== undefined; i++) {
    const end = run.endCommand?.(state) ?? run.stepCommand;
    const before = run.trace(state).nextId;
    const at = run.nowMs(state);
    if (!run.apply(state, end).ok) break;
    // An End that moved neither the clock nor the trace has nothing more to do.
    if (run.nowMs(state) === at && run.trace(state).nextId === before) break;
  }
  return {
    ok: true,
    value: { model: model.id, seed, nowMs: run.nowMs(state), entries: { ...run.trace(state).counts }, commands: answers },
  };
}
