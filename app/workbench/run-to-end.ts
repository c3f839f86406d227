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

/** The one End that may be running in the background for a store, and what it does when it lands. */
export interface BackgroundEnd<C> {
  /** Whether an End is running in the background now. */
  running(): boolean;
  /** Starts End in the background from the timeline's cursor. */
  start(inBackground: EndInBackground<C>): void;
  /** Finishes a running End here instead, so the next action starts after it; false when none ran. */
  settle(): boolean;
  /** Drops a running End (the timeline stays where it was); false when none ran. */
  cancel(): boolean;
}

/**
 * Runs End elsewhere and adopts what it appended. `endHere` is End on the page's own thread, used
 * when the background run fails or is settled; `on` tells the store what to show.
 */
export function createBackgroundEnd<S, C>(
  timeline: Timeline<S, C>,
  max: number,
  endHere: () => void,
  on: { progress(done: number, total: number): void; landed(): void },
): BackgroundEnd<C> {
  let job: EndJob<C> | undefined;
  return {
    running: () => job !== undefined,
    start(inBackground) {
      const started = inBackground({ at: timeline.cursor, state: timeline.state }, timeline.commands, max, (done, total) => {
        if (job === started) on.progress(done, total);
      });
      job = started;
      on.progress(0, timeline.commands.length - timeline.cursor);
      void started.done.then((r) => {
        if (job !== started) return;
        job = undefined;
        // A Worker that could not run: End runs here, as it did before there was a Worker.
        if (r.ok) timeline.adopt(r.appended, r.checkpoints as ReadonlyArray<Handed<S>>);
        else endHere();
        on.landed();
      });
    },
    settle() {
      if (job === undefined) return false;
      job.cancel();
      job = undefined;
      endHere();
      return true;
    },
    cancel() {
      if (job === undefined) return false;
      job.cancel();
      job = undefined;
      return true;
    },
  };
}
