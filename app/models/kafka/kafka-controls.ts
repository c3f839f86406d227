/**
 * The pure half of Kafka's control forms: reading what the learner typed into a model command, or
 * a sentence saying what is wrong with it. Kept apart from the React forms so it is unit-tested.
 */
import type { KafkaCommand } from '../../../simulator/index.ts';

export type ResetTo = 'earliest' | 'latest' | 'offset' | 'timestamp';

/** The key after `key` when it ends in a number (`order-21` → `order-22`); otherwise the same key. */
export function nextKey(key: string): string {
  const m = /^(.*?)(\d+)$/.exec(key);
  if (m === null) return key;
  const n = String(Number(m[2]) + 1);
  return `${m[1]}${n.padStart(m[2]!.length, '0')}`;
}

/**
 * A `reset-offsets` command from the form: earliest, latest, an offset, or a time in seconds
 * (decimals allowed; the model looks up the first record at or after it, as Kafka's
 * `--to-datetime` does through the offsets-for-times lookup).
 */
export function resetCommand(group: string, topic: string, to: ResetTo, typed: string): KafkaCommand | string {
  if (group === '' || topic === '') return 'pick a group and one of its topics';
  if (to === 'earliest' || to === 'latest') return { type: 'reset-offsets', group, topic, to };
  const t = typed.trim();
  if (to === 'offset') {
    if (!/^\d+$/.test(t)) return 'an offset is a whole number, 0 or more';
    return { type: 'reset-offsets', group, topic, to: { offset: Number(t) } };
  }
  if (!/^\d+(\.\d+)?$/.test(t)) return 'a time is a number of seconds since the run began, 0 or more';
  return { type: 'reset-offsets', group, topic, to: { timestampMs: Math.round(Number(t) * 1000) } };
}
