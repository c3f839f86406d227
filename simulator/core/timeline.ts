/**
 * A timeline of commands with checkpoints, for stepping back and scrubbing.
 *
 * Any point of a run is "the state after the first k commands". Seeking to k restores the nearest
 * checkpoint at or before k and replays the commands after it, so seeking costs at most one clone
 * plus `every` commands whatever the run's length. Applying a command when the cursor is not at
 * the end forks the future: the commands after the cursor (and their checkpoints) are dropped,
 * as RaftScope does when you intervene after a rewind.
 *
 * The model supplies `apply`, which may mutate the state it is given (that is fast), and `clone`,
 * which must return an independent copy (structuredClone works for plain-data states).
 */

export interface TimelineModel<S, C> {
  /** The state before any command. Called once; the result is owned by the timeline. */
  init: () => S;
  /** Applies one command to the state in place. Must be deterministic. */
  apply: (state: S, command: C) => void;
  /** An independent deep copy. */
  clone: (state: S) => S;
}

export interface Timeline<S, C> {
  /** Every command of the current future, in order. */
  readonly commands: readonly C[];
  /** How many commands the current state has applied (0..commands.length). */
  readonly cursor: number;
  /** The state at the cursor. Read it; do not mutate it. */
  readonly state: S;
  /** Appends a command at the cursor (forking if the cursor is not at the end) and applies it. */
  push(command: C): void;
  /** Moves the cursor to k (clamped to 0..commands.length) and returns the state there. */
  seek(k: number): S;
  /** Checkpoints currently held (for tests and memory budgeting). */
  checkpointCount(): number;
}

/** Creates a timeline that checkpoints the state every `every` commands. */
export function createTimeline<S, C>(model: TimelineModel<S, C>, every = 256, initial: readonly C[] = []): Timeline<S, C> {
  if (!(every >= 1)) throw new RangeError('checkpoint interval must be at least 1');
  const commands: C[] = [];
  // checkpoints[i] is the state after i * every commands; checkpoint 0 is the initial state.
  const checkpoints: S[] = [];
  let state = model.init();
  checkpoints.push(model.clone(state));
  let cursor = 0;

  const advance = (): void => {
    model.apply(state, commands[cursor]!);
    cursor++;
    if (cursor % every === 0 && checkpoints.length === cursor / every) checkpoints.push(model.clone(state));
  };

  const timeline: Timeline<S, C> = {
    get commands() {
      return commands;
    },
    get cursor() {
      return cursor;
    },
    get state() {
      return state;
    },
    push(command: C) {
      if (cursor < commands.length) {
        commands.length = cursor;
        // Checkpoint i holds the state after i*every commands; keep only those within the past.
        checkpoints.length = Math.floor(cursor / every) + 1;
      }
      commands.push(command);
      advance();
    },
    seek(k: number) {
      const target = Math.max(0, Math.min(commands.length, Math.floor(k)));
      if (target === cursor) return state;
      // Going forward a little is cheaper from where we are than from a checkpoint.
      const base = Math.floor(target / every);
      if (!(target > cursor && Math.floor(cursor / every) === base)) {
        const cp = Math.min(base, checkpoints.length - 1);
        state = model.clone(checkpoints[cp]!);
        cursor = cp * every;
      }
      while (cursor < target) advance();
      return state;
    },
    checkpointCount() {
      return checkpoints.length;
    },
  };
  for (const c of initial) timeline.push(c);
  return timeline;
}
