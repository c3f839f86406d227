/**
 * The world every model runs in: virtual clock, seeded randomness, the task queue and the trace.
 *
 * A model (Kafka, event store, sagas) keeps its own plain-data state next to this base and
 * supplies one function that runs a task. Everything here is plain data, so a whole world can be
 * checkpointed with structuredClone and restored later; the scheduler is the only clock.
 */
import { heapPop, heapPush, heapPeek, type Scheduled } from './heap.ts';
import { seedRng, type RngState } from './rng.ts';
import { createTraceLog, type TraceBase, type TraceLog, type TraceMode } from './trace.ts';
import { getName, setName } from './name-index.ts';

/** A task as a model defines it: plain data with a `type` discriminant. */
export interface TaskBase {
  type: string;
}

/** The shared part of every world. */
export interface WorldBase<T extends TaskBase = TaskBase, E extends TraceBase = TraceBase> {
  seed: number;
  /** Virtual time now, in ms. Only the scheduler moves it, and only forwards. */
  nowMs: number;
  /** Next scheduling sequence number (tie-breaker for tasks due at the same time). */
  seq: number;
  rng: RngState;
  queue: Array<T & Scheduled>;
  trace: TraceLog<E>;
  /** Counters behind deterministic ids, per prefix. */
  ids: Record<string, number>;
  /** Tasks run so far, for the bound on every run. */
  tasksRun: number;
}

export interface WorldOptions {
  seed: number;
  traceMode?: TraceMode;
  /** Entries kept in summary mode. */
  traceKeepLast?: number;
}

/** Builds the base of a fresh world at virtual time 0. */
export function createWorldBase<T extends TaskBase, E extends TraceBase>(opts: WorldOptions): WorldBase<T, E> {
  return {
    seed: opts.seed >>> 0,
    nowMs: 0,
    seq: 0,
    rng: seedRng(opts.seed),
    queue: [],
    trace: createTraceLog<E>(opts.traceMode ?? 'full', opts.traceKeepLast ?? 1000),
    ids: {},
    tasksRun: 0,
  };
}

/**
 * Schedules a task to run at `task.atMs` (which must not be in the past). The task object is
 * taken over by the queue: the caller builds a fresh one and does not keep it.
 */
export function schedule<T extends TaskBase>(w: WorldBase<T>, task: T & { atMs: number; seq?: number }): void {
  if (task.atMs < w.nowMs) task.atMs = w.nowMs;
  task.seq = w.seq++;
  heapPush(w.queue, task as T & Scheduled);
}

/** A deterministic id such as `rec-17`: the prefix and a per-prefix counter. */
export function newId(w: WorldBase, prefix: string): string {
  const n = (getName(w.ids, prefix) ?? 0) + 1;
  setName(w.ids, prefix, n);
  return `${prefix}-${n}`;
}

/** The time of the next task, or undefined when nothing is scheduled. */
export function nextTaskAtMs(w: WorldBase): number | undefined {
  return heapPeek(w.queue)?.atMs;
}

/**
 * Runs the earliest task, moving the clock to its time. Returns false when the queue is empty.
 */
export function runNext<T extends TaskBase, W extends WorldBase<T, TraceBase>>(
  w: W,
  run: (w: W, task: T & Scheduled) => void,
): boolean {
  const task = heapPop(w.queue);
  if (task === undefined) return false;
  w.nowMs = task.atMs;
  w.tasksRun++;
  run(w, task as T & Scheduled);
  return true;
}

export interface RunLimits {
  /** Stop before running any task due after this time; the clock is then moved to it. */
  untilMs?: number;
  /** The bound on tasks for this call: no run is unbounded. */
  tasksMax: number;
}

export interface RunOutcome {
  tasksRun: number;
  /** Why the run stopped. `tasks-max` means the bound was hit with work still queued. */
  stoppedBy: 'idle' | 'until' | 'tasks-max';
}

/** Runs tasks in order until the queue is empty, `untilMs` is reached, or `tasksMax` tasks ran. */
export function runUntil<T extends TaskBase, W extends WorldBase<T, TraceBase>>(
  w: W,
  run: (w: W, task: T & Scheduled) => void,
  limits: RunLimits,
): RunOutcome {
  let n = 0;
  const until = limits.untilMs ?? Infinity;
  for (;;) {
    const head = heapPeek(w.queue);
    if (head === undefined) {
      if (until !== Infinity && until > w.nowMs) w.nowMs = until;
      return { tasksRun: n, stoppedBy: 'idle' };
    }
    if (head.atMs > until) {
      if (until > w.nowMs) w.nowMs = until;
      return { tasksRun: n, stoppedBy: 'until' };
    }
    if (n >= limits.tasksMax) return { tasksRun: n, stoppedBy: 'tasks-max' };
    runNext(w, run);
    n++;
  }
}
