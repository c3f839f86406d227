/**
 * What End does to a timeline outside a lesson step: replay the recorded future, then run on with
 * the model's own end command, or step until nothing is scheduled (at most `max` steps). One
 * function for the page and for the End Worker (app/share/end-core.ts), so both reach the same
 * state with the same commands. Imports only simulator types, so a Worker can load it.
 */
import type { Handed, Timeline } from '../../simulator/index.ts';

export interface EndModel<S, C> {
  endCommand?(state: S): C | undefined;
  nextAtMs(state: S): number | undefined;
  stepCommand: C;
}

/** Runs `timeline` to its end in place; returns the commands it appended. */
export function runTimelineToEnd<S, C>(timeline: Timeline<S, C>, model: EndModel<S, C>, max: number): C[] {
  const before = timeline.commands.length;
  if (timeline.cursor < before) timeline.seek(before);
  const end = model.endCommand?.(timeline.state);
  if (end !== undefined) timeline.push(end);
  else for (let i = 0; i < max && model.nextAtMs(timeline.state) !== undefined; i++) timeline.push(model.stepCommand);
  return timeline.commands.slice(before);
}

/** End running elsewhere: the commands it appended and the states nearest the new end. */
export interface EndJob<C> {
  done: Promise<{ ok: true; appended: C[]; checkpoints: Array<Handed<unknown>> } | { ok: false; message: string }>;
  cancel(): void;
}

/**
 * Starts End elsewhere (a Worker, app/share/replay.ts) from the state after `start.at` commands.
 * It must copy what it is given before returning (postMessage does).
 */
export type EndInBackground<C> = (
  start: { at: number; state: unknown },
  commands: readonly C[],
  max: number,
  onProgress: (done: number, total: number) => void,
) => EndJob<C>;
