/**
 * A timeline of commands with checkpoints, for stepping back and scrubbing — in bounded memory.
 *
 * Any point of a run is "the state after the first k commands". Seeking to k restores the nearest
 * checkpoint at or before k and replays the commands after it. Applying a command when the cursor
 * is not at the end forks the future: the commands after the cursor (and their checkpoints) are
 * dropped, as RaftScope does when you intervene after a rewind.
 *
 * Memory is bounded, because a classroom tab plays for an hour and a share link may carry a
 * quarter of a million steps (issue #12: a checkpoint every 128 commands, kept forever, took a
 * played tab to 3.6 GB):
 *
 * - at most `checkpointsMax` checkpoints are held (and, when the model can say how big a state
 *   is, at most `checkpointBytesMax` bytes of them). Past the budget the timeline thins them:
 *   dense near the cursor, sparser the farther away, so stepping is cheap where the learner is
 *   and a far seek costs a replay proportional to its distance;
 * - a long replay (opening a link, a far seek) checkpoints sparsely on its way and densely near
 *   its target, instead of cloning the state every `every` commands;
 * - initial commands are applied lazily: a timeline created with a link's commands and then
 *   sought to the link's cursor replays only as far as that cursor; the rest is applied when the
 *   learner moves forward (`options.cursor` says the same at creation);
 * - a command identical to the one before it (a run of "step") is stored as the same object.
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
  /** Optional: an estimate of a state's size in bytes, for the checkpoint byte budget. */
  sizeOf?: (state: S) => number;
}

export interface TimelineOptions<S = unknown> {
  /** Start at this cursor instead of after every initial command (clamped); the rest is lazy. */
  cursor?: number;
  /**
   * States already computed elsewhere for these initial commands (a replay done in a Worker):
   * each becomes a checkpoint, so seeking to or near them costs no replay. `at` counts the
   * commands applied in `state`; entries outside 1..commands.length are ignored. The caller
   * vouches that each state is what replaying the commands would give (same model, seed, scenario).
   */
  restore?: ReadonlyArray<Handed<S>>;
  /** Checkpoints held at most (the initial state included). Default 48. */
  checkpointsMax?: number;
  /** Bytes of checkpoints held at most, when the model has `sizeOf`. Default 256 MB. */
  checkpointBytesMax?: number;
}

/** A state computed elsewhere after `at` commands; `bytes` is its size if the sender measured it. */
export interface Handed<S> {
  at: number;
  state: S;
  bytes?: number;
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
  /**
   * Moves toward `k` applying at most `maxCommands` commands; true once the cursor is at `k`.
   * Called again with the same `k`, it carries on from where it stopped (a long replay in slices,
   * with the page free between them); the state at each stop is the true state at its cursor.
   */
  seekPartly(k: number, maxCommands: number): boolean;
  checkpointCount(): number;
  /**
   * The `count` checkpoints nearest before the cursor (the cursor's own state included), oldest
   * first — what a Worker that replayed a link hands back, so stepping back there stays cheap.
   * Read them; do not mutate them (the last is the live state: copy or post it before going on).
   */
  checkpointsNear(count: number): Array<Handed<S> & { bytes: number }>;
  /**
   * Takes over work done elsewhere (End run in a Worker): appends `more` commands after the
   * current ones and moves the cursor to the last of `states`, whose state becomes the live state
   * as it is (not copied: the caller gives it up); the others become checkpoints. The caller
   * vouches that each state is what replaying the commands would give. Without a usable last
   * state (none, or outside 1..commands.length), it appends and seeks instead.
   */
  adopt(more: readonly C[], states: ReadonlyArray<Handed<S>>): void;
}

export const TIMELINE_DEFAULTS = { checkpointsMax: 48, checkpointBytesMax: 256 * 1024 * 1024 } as const;

interface Checkpoint<S> {
  /** Commands applied in this state. */
  at: number;
  state: S;
  bytes: number;
}

/** Commands whose JSON is longer than this are not compared with their predecessor. */
const COALESCE_JSON_MAX = 200;

/**
 * Creates a timeline that checkpoints the state about every `every` commands near the cursor.
 * `initial` commands are the timeline's future; they are applied up to `options.cursor` (or all
 * of them, as soon as the state or cursor is first read without a seek).
 */
export function createTimeline<S, C>(
  model: TimelineModel<S, C>,
  every = 256,
  initial: readonly C[] = [],
  options: TimelineOptions<S> = {},
): Timeline<S, C> {
  if (!(every >= 1)) throw new RangeError('checkpoint interval must be at least 1');
  const countMax = Math.max(2, Math.floor(options.checkpointsMax ?? TIMELINE_DEFAULTS.checkpointsMax));
  const bytesMax = options.checkpointBytesMax ?? TIMELINE_DEFAULTS.checkpointBytesMax;
  // How many checkpoints a long replay may leave per halving of its distance to the target.
  const spread = Math.max(2, Math.floor(countMax / 8));
  const sizeOf = model.sizeOf ?? (() => 0);

  const commands: C[] = [];
  let lastJson: string | undefined;
  const store = (c: C): void => {
    const prev = commands[commands.length - 1];
    if (prev === c) {
      commands.push(c);
      return;
    }
    const json = typeof c === 'object' && c !== null ? JSON.stringify(c) : undefined;
    const same = prev !== undefined && json !== undefined && json.length <= COALESCE_JSON_MAX && json === lastJson;
    commands.push(same ? prev : c);
    lastJson = json;
  };
  for (const c of initial) store(c);

  let state = model.init();
  let cursor = 0;
  const checkpoints: Array<Checkpoint<S>> = [];
  let bytesHeld = 0;
  const keep = (at: number, s: S): void => {
    const bytes = sizeOf(s);
    checkpoints.push({ at, state: model.clone(s), bytes });
    bytesHeld += bytes;
  };
  keep(0, state);
  const restored = [...(options.restore ?? [])]
    .filter((r) => Number.isInteger(r.at) && r.at >= 1 && r.at <= commands.length)
    .sort((a, b) => a.at - b.at);
  for (const r of restored) {
    if (r.at <= checkpoints[checkpoints.length - 1]!.at) continue;
    // Handed over, not shared: held as they are (a copy of a big state costs what replay saves).
    const bytes = r.bytes ?? sizeOf(r.state);
    checkpoints.push({ at: r.at, state: r.state, bytes });
    bytesHeld += bytes;
  }
  // Initial commands not yet applied: settled on the first read unless a seek comes first.
  let pending = commands.length > 0 && options.cursor === undefined;

  /** Index of the last checkpoint at or before k (checkpoint 0 is always there). */
  const floorIndex = (k: number): number => {
    let lo = 0;
    let hi = checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (checkpoints[mid]!.at <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Drops the checkpoint whose loss costs least: a small gap, far from the cursor. */
  const thin = (): void => {
    while (checkpoints.length > countMax || (bytesHeld > bytesMax && checkpoints.length > 2)) {
      let worst = -1;
      let worstScore = Infinity;
      // Checkpoint 0 (the initial state) and the one nearest the cursor always stay.
      const near = floorIndex(cursor);
      for (let i = 1; i < checkpoints.length; i++) {
        if (i === near) continue;
        const next = i + 1 < checkpoints.length ? checkpoints[i + 1]!.at : cursor;
        const gap = Math.max(1, next - checkpoints[i - 1]!.at);
        const distance = Math.abs(checkpoints[i]!.at - cursor) + every;
        const score = gap / distance;
        if (score < worstScore) {
          worstScore = score;
          worst = i;
        }
      }
      if (worst < 0) return;
      bytesHeld -= checkpoints[worst]!.bytes;
      checkpoints.splice(worst, 1);
    }
  };

  /** Applies the next command; checkpoints when the last one is far enough behind for `target`. */
  const advance = (target: number): void => {
    model.apply(state, commands[cursor]!);
    cursor++;
    if (cursor % every !== 0) return;
    const last = checkpoints[checkpoints.length - 1]!;
    if (last.at >= cursor) return;
    // Near the target, every `every` commands; far from it, spaced in proportion to the distance.
    const gapWanted = Math.max(every, Math.floor((target - cursor) / spread));
    if (cursor - last.at < gapWanted) return;
    keep(cursor, state);
    thin();
  };

  const goTo = (target: number): S => {
    if (target === cursor) return state;
    const i = floorIndex(target);
    const cp = checkpoints[i]!;
    // Going forward from where we are is cheaper than from an older checkpoint.
    if (!(target > cursor && cp.at <= cursor)) {
      state = model.clone(cp.state);
      cursor = cp.at;
      // Checkpoints past the cursor stay valid (same future); thinning may now prefer them less.
    }
    while (cursor < target) advance(target);
    return state;
  };

  const goToward = (target: number, maxCommands: number): boolean => {
    if (target !== cursor) {
      const cp = checkpoints[floorIndex(target)]!;
      if (!(target > cursor && cp.at <= cursor)) {
        state = model.clone(cp.state);
        cursor = cp.at;
      }
    }
    for (let n = 0; cursor < target && n < maxCommands; n++) advance(target);
    return cursor === target;
  };

  const settle = (): void => {
    if (!pending) return;
    pending = false;
    goTo(commands.length);
  };

  const timeline: Timeline<S, C> = {
    get commands() {
      return commands;
    },
    get cursor() {
      settle();
      return cursor;
    },
    get state() {
      settle();
      return state;
    },
    push(command: C) {
      settle();
      if (cursor < commands.length) {
        commands.length = cursor;
        lastJson = cursor > 0 ? JSON.stringify(commands[cursor - 1]) : undefined;
        // Checkpoints of the dropped future go with it.
        while (checkpoints[checkpoints.length - 1]!.at > cursor) bytesHeld -= checkpoints.pop()!.bytes;
      }
      store(command);
      advance(commands.length);
    },
    seek(k: number) {
      pending = false;
      return goTo(Math.max(0, Math.min(commands.length, Math.floor(k))));
    },
    seekPartly(k: number, maxCommands: number) {
      pending = false;
      return goToward(Math.max(0, Math.min(commands.length, Math.floor(k))), Math.max(1, Math.floor(maxCommands)));
    },
    checkpointCount() {
      return checkpoints.length;
    },
    checkpointsNear(count: number) {
      settle();
      const near = checkpoints.filter((c) => c.at < cursor).slice(-Math.max(0, count - 1));
      return [...near.map((c) => ({ at: c.at, state: c.state, bytes: c.bytes })), { at: cursor, state, bytes: sizeOf(state) }];
    },
    adopt(more: readonly C[], states: ReadonlyArray<Handed<S>>) {
      if (more.length > 0) {
        settle();
        // Appended after the whole future: the states were computed from all of it.
        for (const c of more) store(c);
      }
      const usable = states.filter((r) => Number.isInteger(r.at) && r.at >= 1 && r.at <= commands.length);
      const last = usable.at(-1);
      if (last === undefined || last !== states.at(-1)) {
        timeline.seek(commands.length);
        return;
      }
      pending = false;
      for (const r of usable.slice(0, -1)) {
        const i = floorIndex(r.at);
        if (checkpoints[i]!.at === r.at) continue;
        const bytes = r.bytes ?? sizeOf(r.state);
        checkpoints.splice(i + 1, 0, { at: r.at, state: r.state, bytes });
        bytesHeld += bytes;
      }
      state = last.state;
      cursor = last.at;
      thin();
    },
  };
  if (options.cursor !== undefined) timeline.seek(options.cursor);
  return timeline;
}
