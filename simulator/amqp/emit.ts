/**
 * Emitting AMQP trace entries and scheduling AMQP tasks on the core world.
 *
 * `emit` asks the trace log whether it keeps entries before building one, so a million-message
 * bench run in summary mode allocates no entry objects at all; callers on hot paths pass a
 * builder function for the same reason.
 */
import { traceCount, traceEmitOwned, traceWants } from '../core/trace.ts';
import { schedule } from '../core/world.ts';
import type { AmqpEntry } from './trace-entries.ts';
import type { AmqpTask, AmqpWorld } from './types.ts';

/** An entry as the model builds it: the log assigns `id`, the clock `atMs`. */
export type AmqpEntryDraft = AmqpEntry extends infer E ? (E extends unknown ? Omit<E, 'id' | 'atMs'> : never) : never;

/** Emits the entry `build()` returns, building it only if the trace keeps entries. */
export function emit(w: AmqpWorld, type: AmqpEntry['type'], build: () => AmqpEntryDraft): number {
  if (!traceWants(w.trace)) return traceCount(w.trace, type);
  const e = build() as AmqpEntryDraft & { atMs: number };
  e.atMs = w.nowMs;
  return traceEmitOwned(w.trace, e as unknown as Omit<AmqpEntry, 'id'>);
}

/** Schedules a task at `atMs` (never in the past). */
export function scheduleAt(w: AmqpWorld, atMs: number, task: AmqpTask): void {
  schedule<AmqpTask>(w, Object.assign(task, { atMs }));
}
