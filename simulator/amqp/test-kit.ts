/**
 * Helpers for the AMQP model's tests: build a world or fail loudly, apply commands expecting
 * success, and read the trace by entry type. Test-only; nothing in the model imports it.
 */
import type { Result } from '../core/errors.ts';
import type { AmqpCommandInput, AmqpScenario } from './schema.ts';
import type { AmqpEntry } from './trace-entries.ts';
import type { AmqpWorld } from './types.ts';
import { dictGet, dictSet, newDict } from './dict.ts';
import { applyAmqpCommand, createAmqpWorld } from './world.ts';

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function world(s: AmqpScenario, seed = 1): AmqpWorld {
  return value(createAmqpWorld(s, seed));
}

export function run(w: AmqpWorld, ...cs: AmqpCommandInput[]): AmqpWorld {
  for (const c of cs) value(applyAmqpCommand(w, c));
  return w;
}

export function entries<T extends AmqpEntry['type']>(w: AmqpWorld, type: T): Extract<AmqpEntry, { type: T }>[] {
  return (w.trace.entries as AmqpEntry[]).filter((e): e is Extract<AmqpEntry, { type: T }> => e.type === type);
}

/** Bodies delivered to each consumer, in order, with `*` marking a redelivery. */
export function deliveries(w: AmqpWorld): Record<string, string[]> {
  const out = newDict<string[]>();
  for (const e of entries(w, 'message-delivered')) {
    if (dictGet(out, e.consumer) === undefined) dictSet(out, e.consumer, []);
    dictGet(out, e.consumer)!.push(e.redelivered ? `${e.body}*` : e.body);
  }
  return out;
}
