/**
 * A lesson step as the transport plays it: the step's range in the timeline, and for every
 * command the virtual time it lands at and the trace length after it (lessons/format/
 * play-script.ts builds these by expanding coarse commands into single trace entries).
 *
 * Pure helpers for the store: which position "Step" and "Back" move to (one trace entry, not one
 * command), and how long the player holds on a command that wrote something without time passing.
 */

export interface StepScript {
  /** The step's first and last cursor positions in the timeline. */
  start: number;
  end: number;
  /** Virtual time after command i. */
  atMs: readonly number[];
  /** Trace length after command i. */
  entries: readonly number[];
  /** Command i wrote something without time passing: hold on it for a beat. */
  beat: readonly boolean[];
  /** Trace length before the first command. */
  startEntries: number;
}

/** Real ms the player holds on an instant command at most, and all the beats of one step at most. */
export const beatMs = 700;
export const beatsRealMsMax = 6_000;
/** With reduced motion, the picture changes in discrete steps this far apart (real ms). */
export const discreteStepMs = 700;
/**
 * Quiet time is skipped: when nothing is due for longer than `quietRealMs` of real time at the
 * current speed, the clock jumps to `leadRealMs` before the next thing (long enough for the
 * records already in flight to land), so a step never leaves the learner watching nothing.
 */
export const quietRealMs = 1_500;
export const leadRealMs = 1_000;

/**
 * The play clock after skipping quiet time before `nextDueMs`: never while what happened last (at
 * `lastMs`) is still in flight, and only when the wait would be long. Unchanged otherwise.
 */
export function skipQuiet(clockMs: number, lastMs: number, nextDueMs: number, speed: number): number {
  if ((clockMs - lastMs) / speed < leadRealMs) return clockMs;
  return (nextDueMs - clockMs) / speed > quietRealMs ? nextDueMs - leadRealMs * speed : clockMs;
}

/** Trace length at cursor k. */
export function entriesAt(script: StepScript, k: number): number {
  return k <= 0 ? script.startEntries : script.entries[Math.min(k, script.entries.length) - 1]!;
}

/** Where "Step" goes from `cursor`: the first position with one more entry, or the step's end. */
export function forwardTarget(script: StepScript, cursor: number): number {
  if (cursor >= script.end) return cursor;
  const from = entriesAt(script, cursor);
  let k = Math.max(cursor, script.start) + 1;
  while (k < script.end && entriesAt(script, k) <= from) k++;
  return k;
}

/** Where "Back" goes: the latest earlier position with fewer entries, or the step's start. */
export function backTarget(script: StepScript, cursor: number): number {
  if (cursor <= script.start) return cursor;
  const from = entriesAt(script, cursor);
  let k = Math.min(cursor, script.end) - 1;
  while (k > script.start && entriesAt(script, k) >= from) k--;
  return k;
}

/** How long to hold on each beat of the step: a long burst of instant commands shares the budget. */
export function beatHoldMs(script: StepScript): number {
  let n = 0;
  for (let i = script.start; i < script.end; i++) if (script.beat[i]) n++;
  return n === 0 ? beatMs : Math.min(beatMs, beatsRealMsMax / n);
}

export interface FrameIn {
  clockMs: number;
  speed: number;
  realMs: number;
  /** Reduced motion: gather real time and change the picture in visible steps. */
  discrete: boolean;
}

export interface FrameOut {
  clockMs: number;
  /** Positions moved this frame. */
  steps: number;
  /** The frame stopped on an instant command, which now holds for a beat. */
  beat: boolean;
  ended: boolean;
  /** Real ms this frame stood for. */
  realMs: number;
}

/**
 * Plays a step frame by frame: each position lands when the play clock reaches its virtual time,
 * an instant command holds for a beat, quiet time is skipped, and nothing runs past the step's
 * end. Holds its own small state (the beat left, the time gathered for a discrete step); the
 * timeline is reached through the callbacks, so this stays free of the store.
 */
export function createScriptPlayer(script: StepScript, stepsMax: number) {
  const holdFor = beatHoldMs(script);
  let holdMs = 0;
  let gatheredMs = 0;
  return {
    reset(): void {
      holdMs = 0;
      gatheredMs = 0;
    },
    /** One frame; undefined while a discrete step is still gathering time. */
    frame(f: FrameIn, cursor: () => number, seek: (k: number) => void, nowMs: () => number): FrameOut | undefined {
      let real = Math.max(0, f.realMs);
      if (f.discrete) {
        gatheredMs += real;
        if (gatheredMs < discreteStepMs) return undefined;
        real = gatheredMs;
        gatheredMs = 0;
      }
      const spent = real;
      const used = Math.min(holdMs, real);
      holdMs -= used;
      real -= used;
      let clockMs = f.clockMs;
      let steps = 0;
      let beat = false;
      if (holdMs <= 0 && real > 0) {
        const target = clockMs + real * f.speed;
        while (cursor() < script.end && steps < stepsMax) {
          const k = cursor();
          if (script.atMs[k]! > target) break;
          seek(k + 1);
          steps++;
          if (script.beat[k]) {
            beat = true;
            holdMs = holdFor;
            break;
          }
        }
        // When a frame hits its step cap, the clock waits for the model instead of running away.
        clockMs = beat || steps >= stepsMax ? nowMs() : target;
      }
      const ended = cursor() >= script.end;
      if (ended) clockMs = nowMs();
      else if (holdMs <= 0) clockMs = skipQuiet(clockMs, nowMs(), script.atMs[cursor()]!, f.speed);
      return { clockMs, steps, beat, ended, realMs: spent };
    },
  };
}
