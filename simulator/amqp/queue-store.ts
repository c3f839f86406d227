/**
 * A queue's ready messages as data: FIFO per priority level, quorum returns first, requeue at the
 * original position for classic queues, and the head-only view of expiry.
 *
 * Kept apart from the broker logic so the order rules can be read (and tested) on their own:
 * - classic: a requeued message goes back where it was (by arrival position), as
 *   rabbit_variable_queue does with its sequence ids;
 * - quorum (3.10): returned messages go to rabbit_fifo's `returns` queue, served before the rest;
 * - priority: the highest non-empty level first, FIFO within a level (rabbit_priority_queue);
 * - TTL: only messages at the head of a level (or of the returns) are looked at, so a long-lived
 *   message hides shorter-lived ones behind it, as in RabbitMQ.
 */
import type { AmqpQueue, Fifo, QueuedMessage } from './types.ts';

function levelOf(q: AmqpQueue, priority: number | null): number {
  const max = q.config.maxPriority;
  if (max === null) return 0;
  const p = priority ?? 0;
  return p < 0 ? 0 : p > max ? max : p;
}

function fifoSize(f: Fifo): number {
  return f.items.length - f.head;
}

function fifoShift(f: Fifo): QueuedMessage | undefined {
  if (f.head >= f.items.length) return undefined;
  const qm = f.items[f.head]!;
  f.items[f.head] = undefined as unknown as QueuedMessage;
  f.head++;
  // Compact once the dead prefix is most of the array, so memory stays O(ready) and shift O(1).
  if (f.head === f.items.length) {
    f.items.length = 0;
    f.head = 0;
  } else if (f.head > 1024 && f.head * 2 > f.items.length) {
    f.items = f.items.slice(f.head);
    f.head = 0;
  }
  return qm;
}

/** Appends a newly arrived message. */
export function pushReady(q: AmqpQueue, qm: QueuedMessage): void {
  q.levels[levelOf(q, qm.msg.priority)]!.items.push(qm);
  q.readyCount++;
}

/** Puts a returned message back: at its position (classic) or on the returns queue (quorum). */
export function requeueReady(q: AmqpQueue, qm: QueuedMessage): void {
  q.readyCount++;
  if (q.config.type === 'quorum') {
    q.returns.push(qm);
    return;
  }
  const f = q.levels[levelOf(q, qm.msg.priority)]!;
  // Binary search for the first ready message that arrived after this one.
  let lo = f.head;
  let hi = f.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.items[mid]!.pos < qm.pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo === f.head && f.head > 0) {
    f.head--;
    f.items[f.head] = qm;
  } else f.items.splice(lo, 0, qm);
}

/** The level the next message comes from, or -1 (returns) / -2 (empty). */
function nextSource(q: AmqpQueue): number {
  if (q.returns.length > 0) return -1;
  for (let i = q.levels.length - 1; i >= 0; i--) if (fifoSize(q.levels[i]!) > 0) return i;
  return -2;
}

/** The message that would be delivered next. */
export function peekReady(q: AmqpQueue): QueuedMessage | undefined {
  const s = nextSource(q);
  if (s === -2) return undefined;
  if (s === -1) return q.returns[0];
  const f = q.levels[s]!;
  return f.items[f.head];
}

/** Takes the message that is delivered next. */
export function shiftReady(q: AmqpQueue): QueuedMessage | undefined {
  const s = nextSource(q);
  if (s === -2) return undefined;
  q.readyCount--;
  return s === -1 ? q.returns.shift() : fifoShift(q.levels[s]!);
}

/** Removes and returns every head message that has expired by `nowMs` (head-only, per level). */
export function takeExpired(q: AmqpQueue, nowMs: number): QueuedMessage[] {
  const out: QueuedMessage[] = [];
  while (q.returns.length > 0 && q.returns[0]!.expiresAtMs !== null && q.returns[0]!.expiresAtMs <= nowMs) {
    out.push(q.returns.shift()!);
    q.readyCount--;
  }
  for (const f of q.levels) {
    for (let qm = f.items[f.head]; qm !== undefined && qm.expiresAtMs !== null && qm.expiresAtMs <= nowMs; qm = f.items[f.head]) {
      out.push(fifoShift(f)!);
      q.readyCount--;
    }
  }
  return out;
}

/** The earliest expiry among the heads, or null. */
export function nextHeadExpiry(q: AmqpQueue): number | null {
  let t: number | null = null;
  const consider = (qm: QueuedMessage | undefined) => {
    if (qm !== undefined && qm.expiresAtMs !== null && (t === null || qm.expiresAtMs < t)) t = qm.expiresAtMs;
  };
  consider(q.returns[0]);
  for (const f of q.levels) consider(f.items[f.head]);
  return t;
}

/** Every ready message in delivery order (for views and the report); does not change the queue. */
export function readyInOrder(q: AmqpQueue): QueuedMessage[] {
  const out = [...q.returns];
  for (let i = q.levels.length - 1; i >= 0; i--) {
    const f = q.levels[i]!;
    for (let j = f.head; j < f.items.length; j++) out.push(f.items[j]!);
  }
  return out;
}

/** Empties the queue's ready messages, returning them in delivery order. */
export function clearReady(q: AmqpQueue): QueuedMessage[] {
  const out = readyInOrder(q);
  q.returns = [];
  for (const f of q.levels) {
    f.items = [];
    f.head = 0;
  }
  q.readyCount = 0;
  return out;
}
