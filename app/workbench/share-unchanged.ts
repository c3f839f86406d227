/**
 * Structural sharing between two views: every part of `next` that equals the same part of `prev`
 * is replaced by `prev`'s object, so a node, a partition strip, a trace entry or a section that did
 * not change keeps its identity from one refresh to the next. Components then re-render only what
 * changed by comparing identity (React.memo's default), and no component keeps a hand-written
 * equality that can forget a field.
 *
 * Views are plain data (objects, arrays, strings, numbers, booleans, null), so equality is by value.
 * Arrays of objects with an `id` are matched by id, so an entry dropped from the front of the trace
 * window does not make every later entry look new. The walk is bounded by the view's size.
 */

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function idOf(x: unknown): unknown {
  return isObject(x) ? x.id : undefined;
}

function shareArray(prev: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  // Match by id where the items have one (trace entries, nodes, partitions), else by position.
  const byId = new Map<unknown, unknown>();
  for (const p of prev) {
    const id = idOf(p);
    if (id !== undefined) byId.set(id, p);
  }
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    const id = idOf(n);
    const p = id !== undefined && byId.has(id) ? byId.get(id) : prev[i];
    const shared = shareUnchanged(p, n);
    if (shared !== prev[i]) same = false;
    return shared;
  });
  return same ? prev : out;
}

/** `next`, with every part equal to `prev`'s replaced by `prev`'s; `prev` itself when all is equal. */
export function shareUnchanged<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(prev) && Array.isArray(next)) return shareArray(prev, next) as T;
  if (isObject(prev) && isObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = Object.hasOwn(prev, k) ? shareUnchanged(prev[k], next[k]) : next[k];
      if (v !== prev[k]) same = false;
      out[k] = v;
    }
    return (same ? prev : out) as T;
  }
  // Primitives: equal values are the same value.
  return next;
}
