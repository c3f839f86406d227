/**
 * The message a dead-lettering sends to the dead-letter exchange, with the `x-death` header as
 * RabbitMQ 3.10 writes it (rabbit_dead_letter:make_msg/5 and update_x_death_header/2).
 *
 * - One `x-death` entry per (queue, reason), newest first. A repeat death for the same pair
 *   increments that entry's `count` and moves it to the front; its other fields stay as first
 *   written (RabbitMQ increments the old table, it does not rewrite it).
 * - A new entry is `count, reason, queue, time, exchange, routing-keys` (+ `original-expiration`
 *   when the message had a per-message TTL); `time` is in seconds, here virtual seconds.
 * - The first death also sets `x-first-death-reason`, `-queue` and `-exchange`.
 * - With `x-dead-letter-routing-key` the copy is routed by that key (and loses its CC header);
 *   without it, by its original keys. The `expiration` property is removed.
 * - A copy that would come back to a queue it already died in, with no rejection on the way, is
 *   a cycle and is dropped (detect_cycles/3).
 */
import { dictFrom, dictGet, dictSet, newDict, type Dict } from './dict.ts';
import type { AmqpMessage, DeathReason } from './types.ts';

type Table = Record<string, unknown>;

function deathsOf(headers: Dict<unknown> | null): Table[] | null {
  const d = headers === null ? undefined : dictGet(headers, 'x-death');
  return Array.isArray(d) ? (d as Table[]) : null;
}

/** The header table with x-death updated for one more death. Does not change `headers`. */
export function updateXDeath(headers: Dict<unknown> | null, info: Table): Dict<unknown> {
  const out = dictFrom(headers);
  const deaths = deathsOf(headers);
  if (deaths === null) {
    dictSet(out, 'x-first-death-reason', info.reason);
    dictSet(out, 'x-first-death-queue', info.queue);
    dictSet(out, 'x-first-death-exchange', info.exchange);
    // RabbitMQ prepends x-death to the header table; key order is cosmetic but kept.
    const reordered = newDict<unknown>();
    dictSet(reordered, 'x-death', [{ count: 1, ...info }]);
    for (const k of Object.keys(out)) if (k !== 'x-death') dictSet(reordered, k, out[k]);
    return reordered;
  }
  const i = deaths.findIndex((t) => t.queue === info.queue && t.reason === info.reason);
  let entry: Table;
  if (i < 0) entry = { count: 1, ...info };
  else {
    const old = deaths[i]!;
    entry = { ...old, count: (typeof old.count === 'number' ? old.count : 0) + 1 };
  }
  // An updated or added entry goes to the front with its keys sorted, as sort_field_table does.
  const sortedEntry: Table = {};
  for (const k of Object.keys(entry).sort()) sortedEntry[k] = entry[k];
  dictSet(out, 'x-death', [sortedEntry, ...deaths.filter((_, j) => j !== i)]);
  return out;
}

/** The copy that goes to the dead-letter exchange. */
export function deadLetterCopy(
  msg: AmqpMessage,
  reason: DeathReason,
  queue: string,
  deadLetterExchange: string,
  deadLetterRoutingKey: string | null,
  newId: string,
  nowMs: number,
): AmqpMessage {
  const info: Table = {
    reason,
    queue,
    time: Math.floor(nowMs / 1000),
    exchange: msg.exchange,
    'routing-keys': [msg.routingKeys[0] ?? ''],
  };
  if (msg.expirationMs !== null) info['original-expiration'] = String(msg.expirationMs);
  const headers = updateXDeath(msg.headers, info);
  if (deadLetterRoutingKey !== null && Object.prototype.hasOwnProperty.call(headers, 'CC')) delete headers.CC;
  return {
    ...msg,
    id: newId,
    exchange: deadLetterExchange,
    routingKeys: deadLetterRoutingKey === null ? [...msg.routingKeys] : [deadLetterRoutingKey],
    headers,
    expirationMs: null,
  };
}

/** Whether routing `msg` (already carrying its new x-death) to `queue` closes an automatic cycle. */
export function isDeadLetterCycle(reason: DeathReason, msg: AmqpMessage, queue: string): boolean {
  if (reason === 'rejected') return false;
  const deaths = deathsOf(msg.headers);
  if (deaths === null) return false;
  for (const d of deaths) {
    if (d.reason === 'rejected') return false;
    if (d.queue === queue) return true;
  }
  return false;
}
