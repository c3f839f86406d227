/**
 * Dragging the scrubber far: the seek runs in slices of at most `scrubSliceMs`, a timer apart, so
 * the page keeps answering while a long replay catches up; a new position while one is under way
 * retargets it. Any other action settles the scrub first (finishes the seek at once), so it starts
 * from where the learner asked.
 */
import type { Timeline } from '../../simulator/index.ts';

/**
 * A scrub replays at most this long (real ms) before it lets the page draw and answer input, in
 * chunks of this many commands (issue #12: no task over 200 ms; a far scrub over a long
 * busy-cluster run used to replay for up to 1.8 s in one task).
 */
export const scrubSliceMs = 40;
export const scrubChunkCommands = 16;

export interface Scrub {
  /** Goes towards cursor `k`; the first slice runs now. True while the seek is still under way. */
  to(k: number): boolean;
  /** Finishes a scrub under way at once (no `arrived` call: the caller refreshes). */
  settle(): void;
}

export function createScrub<S, C>(timeline: Timeline<S, C>, arrived: () => void): Scrub {
  let target: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = (): void => {
    timer = undefined;
    if (target === null) return;
    const t0 = performance.now();
    let done = timeline.seekPartly(target, scrubChunkCommands);
    while (!done && performance.now() - t0 < scrubSliceMs) done = timeline.seekPartly(target, scrubChunkCommands);
    if (!done) {
      timer = setTimeout(slice, 0);
      return;
    }
    target = null;
    arrived();
  };
  return {
    to(k) {
      target = k;
      // The first slice runs now: a near position (the usual drag) arrives before this returns.
      if (timer === undefined) slice();
      return target !== null;
    },
    settle() {
      if (target === null) return;
      clearTimeout(timer);
      timer = undefined;
      const k = target;
      target = null;
      timeline.seek(k);
    },
  };
}
