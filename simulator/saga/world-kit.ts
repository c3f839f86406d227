/**
 * Small pieces every model in saga/ and patterns/ shares on top of the core world.
 *
 * Each model answers the same clock commands (one task, run to a time, run until idle) and emits
 * typed trace entries stamped with the world's clock. Keeping those in one place means every model
 * bounds its runs the same way and a UI can drive any of them with the same transport bar.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { traceEmit, traceCount, traceWants, type TraceBase } from '../core/trace.ts';
import { runNext, runUntil, schedule, type RunOutcome, type TaskBase, type WorldBase } from '../core/world.ts';

/** Omit that keeps a union a union (the built-in Omit collapses it to the common keys). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A trace entry as a model builds it: the log assigns `id` and the clock supplies `atMs`. */
export type EntryDraft<E extends TraceBase> = DistributiveOmit<E, 'id' | 'atMs'>;

/** Emits a trace entry at the world's current time. Returns the entry's id (also in summary mode). */
export function emit<E extends TraceBase>(w: WorldBase<TaskBase, E>, entry: EntryDraft<E>): number {
  if (!traceWants(w.trace)) return traceCount(w.trace, entry.type);
  return traceEmit(w.trace, { ...entry, atMs: w.nowMs } as unknown as Omit<E, 'id'>);
}

/**
 * Schedules a model's task. A thin wrapper over core's `schedule` that pins the task type: left to
 * inference, TypeScript takes the queue's `T & Scheduled` as T and then demands a `seq` up front.
 */
export function scheduleTask<T extends TaskBase>(
  w: WorldBase<T, TraceBase>,
  task: DistributiveOmit<T, 'seq'> & { atMs: number },
): void {
  schedule<T>(w, task as unknown as T & { atMs: number });
}

/** Tasks one `next-entry` may run looking for something observable. */
export const nextEntryTasksMax = 10_000;

/** The commands that move virtual time, understood by every model here. */
export type ClockCommand =
  /** Run the earliest task (one entry). */
  | { type: 'step' }
  /** Run every task due up to `untilMs`, then move the clock there. */
  | { type: 'advance'; untilMs: number }
  /** Run until nothing is scheduled (bounded by the model's task limit). */
  | { type: 'run-until-idle' }
  /** Run tasks until one more trace entry is written (the transport's step; see core/model.ts). */
  | { type: 'next-entry' };

/** What a clock command did. */
export interface RunReport {
  tasksRun: number;
  stoppedBy: RunOutcome['stoppedBy'];
}

export function isClockCommand(c: { type: string }): c is ClockCommand {
  return c.type === 'step' || c.type === 'advance' || c.type === 'run-until-idle' || c.type === 'next-entry';
}

/**
 * Applies a clock command with a bound on tasks, so a run that would never go idle (a service
 * that never comes back, a compensation retried forever) stops instead of hanging the tab.
 */
export function applyClockCommand<T extends TaskBase, W extends WorldBase<T, TraceBase>>(
  w: W,
  run: (w: W, task: T & Scheduled) => void,
  c: ClockCommand,
  tasksMax: number,
): Result<RunReport> {
  switch (c.type) {
    case 'step': {
      // A step is a run bounded at one task: it stops by that bound, or finds nothing to run.
      const ran = runNext(w, run);
      return ok({ tasksRun: ran ? 1 : 0, stoppedBy: ran ? 'tasks-max' : 'idle' });
    }
    case 'advance': {
      if (!Number.isFinite(c.untilMs) || c.untilMs < w.nowMs) {
        return fail(
          ErrorCode.InvalidCommand,
          `cannot advance to ${c.untilMs} ms: the clock is already at ${w.nowMs} ms`,
          'untilMs',
        );
      }
      return ok(runUntil(w, run, { untilMs: c.untilMs, tasksMax }));
    }
    case 'run-until-idle':
      return ok(runUntil(w, run, { tasksMax }));
    case 'next-entry': {
      // Many tasks are silent (a timeout that finds its reply already in): run until one speaks.
      const before = w.trace.nextId;
      let tasksRun = 0;
      while (tasksRun < nextEntryTasksMax && w.trace.nextId === before && runNext(w, run)) tasksRun++;
      return ok({ tasksRun, stoppedBy: w.queue.length === 0 ? 'idle' : 'tasks-max' });
    }
  }
}

/** The report for a command that is not a clock command: it changed state but ran no task. */
export function nothingRan(): Result<RunReport> {
  return ok({ tasksRun: 0, stoppedBy: 'idle' });
}

/** A deep copy of a plain-data world, for timelines and for "what if" forks. */
export function cloneWorld<W>(w: W): W {
  return structuredClone(w);
}
