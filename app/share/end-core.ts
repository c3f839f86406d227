/**
 * End run off the main thread (issue #12: End on a long Kafka run — a rebalance storm, or
 * busy-cluster played a while — was one task of 1.8–7.2 s). The page posts the state at its
 * cursor and its commands; this replays the recorded future and runs End exactly as the page
 * would (app/workbench/run-to-end.ts), and hands back the commands End appended and the
 * checkpoints nearest the new end, which the page's timeline adopts. Imports only the simulator
 * and that helper, so a Worker can run it.
 */
import { approxBytes, createTimeline, simModelById, type Handed } from '../../simulator/index.ts';
import { checkpointBytesMax } from '../workbench/budget.ts';
import { runTimelineToEnd } from '../workbench/run-to-end.ts';

export interface EndRequest {
  kind: 'end';
  modelId: string;
  /** A scenario the model has already validated (plain data). */
  scenario: unknown;
  seed: number;
  /** The model's checkpoint interval in the workbench. */
  every: number;
  /** The state after `at` commands (the page's cursor), copied by postMessage. */
  start: { at: number; state: unknown };
  commands: readonly { type: string }[];
  /** Most steps End takes when the model has no end command (the store's runToEndMax). */
  max: number;
}

export type EndOutcome =
  { kind: 'done'; appended: Array<{ type: string }>; checkpoints: Array<Handed<unknown>> } | { kind: 'error'; message: string };

/** Checkpoints handed back: stepping back a few hundred commands from the end stays cheap. */
const HANDOVER_CHECKPOINTS = 8;

interface RunLike {
  init(seed: number): unknown;
  apply(state: unknown, command: { type: string }): unknown;
  clone(state: unknown): unknown;
  nextAtMs(state: unknown): number | undefined;
  endCommand?(state: unknown): { type: string } | undefined;
  stepCommand: { type: string };
}

export interface EndHooks {
  /** Milliseconds on some clock (performance.now in the Worker). */
  now: () => number;
  /** Called about every `progressEveryMs` while the recorded future replays: commands done of total. */
  onProgress?: (done: number, total: number) => void;
  progressEveryMs?: number;
}

export function runToEndFrom(req: EndRequest, hooks: EndHooks): EndOutcome {
  const model = simModelById(req.modelId);
  if (!model) return { kind: 'error', message: `There is no model called "${req.modelId}".` };
  try {
    const run = (model as { run: (s: unknown) => RunLike }).run(req.scenario);
    const timeline = createTimeline<unknown, { type: string }>(
      {
        init: () => run.init(req.seed),
        apply: (s, c) => void run.apply(s, c),
        clone: (s) => run.clone(s),
        sizeOf: approxBytes,
      },
      req.every,
      req.commands,
      { cursor: 0, checkpointBytesMax },
    );
    // Start from the page's state, not from time zero: a long run need not be replayed again.
    timeline.adopt([], [{ at: req.start.at, state: req.start.state }]);
    const total = timeline.commands.length;
    let last = hooks.now();
    while (!timeline.seekPartly(total, 256)) {
      const t = hooks.now();
      if (hooks.onProgress && t - last >= (hooks.progressEveryMs ?? 100)) {
        last = t;
        hooks.onProgress(timeline.cursor - req.start.at, total - req.start.at);
      }
    }
    const appended = runTimelineToEnd(timeline, run, req.max);
    return { kind: 'done', appended, checkpoints: timeline.checkpointsNear(HANDOVER_CHECKPOINTS) };
  } catch (e) {
    return { kind: 'error', message: `End could not run in the background: ${(e as Error).message}` };
  }
}
