/**
 * Opening a model in the workbench: a registry entry, a validated scenario, a seed, and (for a
 * shared moment) the commands and the cursor. The playground, lessons, share links and tests all
 * open a simulation through here, so every model opens the same way.
 */
import { endInWorker } from '../share/replay.ts';
import type { EndInBackground } from '../workbench/run-to-end.ts';
import { createWorkbenchStore, type WorkbenchStore } from '../workbench/store.ts';
import { bindModel } from './bind.ts';
import type { BoundModel } from '../workbench/view.ts';
import type { StepScript } from '../workbench/step-script.ts';
import type { AnyModelUi, ModelUi } from './types.ts';

export interface OpenOptions<C> {
  seed: number;
  commands?: readonly C[];
  cursor?: number;
  /** Overrides the model's checkpoint interval (tests). */
  checkpointEvery?: number;
  /** States already replayed for `commands` (by the link replay Worker). */
  restore?: ReadonlyArray<{ at: number; state: unknown }>;
  /** A lesson step the transport is bounded to, and the speed it plays at. */
  script?: StepScript;
  speed?: number;
}

/** A workbench store over a model and a scenario the model has already validated. */
export function openModel<C extends { type: string }>(
  ui: ModelUi<any, any, C, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any model's entry
  scenario: unknown,
  opts: OpenOptions<C>,
): WorkbenchStore<C> {
  const every = opts.checkpointEvery ?? ui.checkpointEvery;
  // In a browser End runs in a Worker (issue #12: one End on a long run blocked the page for
  // seconds); where there are no Workers (unit tests, Node) it runs here.
  const endInBackground: EndInBackground<C> | undefined =
    typeof Worker === 'undefined'
      ? undefined
      : (start, commands, max, onProgress) =>
          endInWorker({ modelId: ui.model.id, scenario, seed: opts.seed, every, start, commands, max }, onProgress) as ReturnType<
            EndInBackground<C>
          >;
  const store = createWorkbenchStore<unknown, C>(bindModel(ui as AnyModelUi, scenario) as BoundModel<unknown, C>, {
    seed: opts.seed,
    ...(endInBackground ? { endInBackground } : {}),
    ...(opts.commands ? { commands: opts.commands } : {}),
    ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}),
    checkpointEvery: every,
    ...(opts.restore ? { restore: opts.restore } : {}),
    ...(opts.script ? { script: opts.script } : {}),
    ...(opts.speed !== undefined ? { speed: opts.speed } : {}),
  });
  ui.attach?.(store as WorkbenchStore<{ type: string }>);
  return store;
}

/** The seed a scenario asks for, or 1. */
export function seedOf(scenario: unknown): number {
  const s = (scenario as { seed?: unknown } | null)?.seed;
  return typeof s === 'number' && Number.isInteger(s) && s >= 0 ? s : 1;
}
