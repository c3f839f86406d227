/**
 * Replaying a shared moment's commands up to its cursor, in slices, for the link replay Worker
 * and for the main thread's quick first try (issue #12: a link the app wrote after a minute of
 * busy play took 19.5 s to open and froze the tab while it did).
 *
 * The replay builds the same timeline the workbench would (same checkpoint interval and byte
 * budget), so what it hands back — the checkpoints nearest the cursor, ending with the cursor's
 * own state — restores a workbench at the cursor where stepping back is as cheap as if the page
 * had replayed the link itself. Imports only the simulator, so a Worker can run it.
 */
import { approxBytes, createTimeline, simModelById, type Handed, type Timeline } from '../../simulator/index.ts';
import { checkpointBytesMax } from '../workbench/budget.ts';

export interface ReplayRequest {
  modelId: string;
  /** A scenario the model has already validated (plain data). */
  scenario: unknown;
  seed: number;
  commands: readonly { type: string }[];
  cursor: number;
  /** The model's checkpoint interval in the workbench (ModelUi.checkpointEvery). */
  every: number;
}

/** States handed back, oldest first, the last at the cursor (with their sizes, measured off the page). */
export type Handover = Array<Handed<unknown>>;

export type ReplayOutcome =
  { kind: 'done'; checkpoints: Handover } | { kind: 'out-of-time'; done: number } | { kind: 'error'; message: string };

export interface ReplayHooks {
  /** Milliseconds on some clock (performance.now in the page and the Worker). */
  now: () => number;
  /** Stop (returning out-of-time) once this much time has passed. */
  budgetMs?: number;
  /** Called about every `progressEveryMs` with commands replayed so far. */
  onProgress?: (done: number, total: number) => void;
  progressEveryMs?: number;
}

/** Checkpoints handed back: enough that stepping back a few hundred commands costs no long replay. */
const HANDOVER_CHECKPOINTS = 8;

export function replayToCursor(req: ReplayRequest, hooks: ReplayHooks): ReplayOutcome {
  const model = simModelById(req.modelId);
  if (!model) return { kind: 'error', message: `There is no model called "${req.modelId}".` };
  const total = Math.max(0, Math.min(req.commands.length, Math.floor(req.cursor)));
  let timeline: Timeline<unknown, { type: string }>;
  try {
    const run = (model as { run: (s: unknown) => RunLike }).run(req.scenario);
    timeline = createTimeline<unknown, { type: string }>(
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
  } catch (e) {
    return { kind: 'error', message: `The simulation could not start: ${(e as Error).message}` };
  }
  const started = hooks.now();
  let lastReport = started;
  let slice = 64;
  while (timeline.cursor < total) {
    const t0 = hooks.now();
    timeline.seek(Math.min(total, timeline.cursor + slice));
    const t1 = hooks.now();
    // Slices of about 20 ms: short enough to stop on time, long enough to cost little.
    slice = t1 - t0 < 10 ? slice * 2 : t1 - t0 > 40 ? Math.max(1, slice >> 1) : slice;
    if (hooks.budgetMs !== undefined && t1 - started > hooks.budgetMs && timeline.cursor < total) {
      return { kind: 'out-of-time', done: timeline.cursor };
    }
    if (hooks.onProgress && t1 - lastReport >= (hooks.progressEveryMs ?? 100)) {
      lastReport = t1;
      hooks.onProgress(timeline.cursor, total);
    }
  }
  return { kind: 'done', checkpoints: timeline.checkpointsNear(HANDOVER_CHECKPOINTS) };
}

interface RunLike {
  init(seed: number): unknown;
  apply(state: unknown, command: { type: string }): unknown;
  clone(state: unknown): unknown;
}
