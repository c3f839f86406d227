/**
 * A persistent (immutable, structurally shared) vector: the storage behind the event log.
 *
 * The event store hands out store values that callers keep, compare and checkpoint, and an append
 * must never change a value someone already holds. Copying the whole log per append would make a
 * million appends quadratic, so the log is a 32-way trie with a separate tail (the layout Clojure's
 * PersistentVector made popular): an append copies only the tail (at most 31 items) and, once per
 * 32 appends, the path from the root to the new leaf. Everything else is shared between versions.
 *
 * Nodes are plain arrays and the vector is a plain object, so a vector survives structuredClone and
 * JSON round trips, and deep-freezing one does not break later appends (nothing is written in place).
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** An internal node (array of child nodes) or a leaf (array of items). */
type Node = unknown[];

/** The vector value. Treat it as opaque and read it through the functions below. */
export interface PVec<T> {
  readonly size: number;
  /** Bit shift of the root level: 5 for a one-level tree, 10 for two levels, … */
  readonly shift: number;
  readonly root: Node;
  /** The last 0..32 items, kept outside the trie so most appends copy only this. */
  readonly tail: readonly T[];
}

const EMPTY: PVec<never> = { size: 0, shift: BITS, root: [], tail: [] };

/** The empty vector (shared; it is never changed). */
export function pvecEmpty<T>(): PVec<T> {
  return EMPTY as PVec<T>;
}

function tailOffset(v: PVec<unknown>): number {
  return v.size < WIDTH ? 0 : ((v.size - 1) >>> BITS) << BITS;
}

/** The leaf array holding index i, and i's offset inside it. Internal: i must be in range. */
function leafFor<T>(v: PVec<T>, i: number): readonly T[] {
  if (i >= tailOffset(v)) return v.tail;
  let node = v.root;
  for (let level = v.shift; level > 0; level -= BITS) node = node[(i >>> level) & MASK] as Node;
  return node as T[];
}

/** The item at index i, or undefined when i is out of range. O(log32 n). */
export function pvecGet<T>(v: PVec<T>, i: number): T | undefined {
  if (i < 0 || i >= v.size || !Number.isInteger(i)) return undefined;
  return leafFor(v, i)[i & MASK];
}

function newPath(level: number, leaf: Node): Node {
  let node = leaf;
  for (let l = level; l > 0; l -= BITS) node = [node];
  return node;
}

/** Copies the path to the slot where a full tail goes and hangs the tail there. */
function pushTail(size: number, level: number, parent: Node, tail: Node): Node {
  const sub = ((size - 1) >>> level) & MASK;
  const copy = parent.slice();
  if (level === BITS) {
    copy[sub] = tail;
  } else {
    const child = parent[sub] as Node | undefined;
    copy[sub] = child !== undefined ? pushTail(size, level - BITS, child, tail) : newPath(level - BITS, tail);
  }
  return copy;
}

/** A new vector with `item` added at the end. The input vector is unchanged. */
export function pvecPush<T>(v: PVec<T>, item: T): PVec<T> {
  const tailLen = v.size - tailOffset(v);
  if (tailLen < WIDTH) {
    // The common case: copy the short tail and add one item.
    const tail = new Array<T>(tailLen + 1);
    for (let i = 0; i < tailLen; i++) tail[i] = v.tail[i]!;
    tail[tailLen] = item;
    return { size: v.size + 1, shift: v.shift, root: v.root, tail };
  }
  // The tail is full: it becomes a leaf of the trie, and the new item starts a fresh tail.
  let root: Node;
  let shift = v.shift;
  if (v.size >>> BITS > 1 << v.shift) {
    root = [v.root, newPath(v.shift, v.tail as Node)];
    shift += BITS;
  } else {
    root = pushTail(v.size, v.shift, v.root, v.tail as Node);
  }
  return { size: v.size + 1, shift, root, tail: [item] };
}

/** A new vector with all `items` added at the end, in order. */
export function pvecPushAll<T>(v: PVec<T>, items: readonly T[]): PVec<T> {
  let out = v;
  for (let i = 0; i < items.length; i++) out = pvecPush(out, items[i]!);
  return out;
}

/**
 * Calls fn for indexes from..to-1 in order (or to-1 down to from when `backwards`), walking whole
 * leaves rather than descending the trie per item. Stops early when fn returns false.
 */
export function pvecForEach<T>(
  v: PVec<T>,
  from: number,
  to: number,
  fn: (item: T, index: number) => boolean | void,
  backwards = false,
): void {
  const lo = Math.max(0, from);
  const hi = Math.min(v.size, to);
  if (lo >= hi) return;
  if (!backwards) {
    let i = lo;
    while (i < hi) {
      const leaf = leafFor(v, i);
      const base = i & ~MASK;
      const end = Math.min(hi, base + WIDTH);
      for (; i < end; i++) if (fn(leaf[i - base]!, i) === false) return;
    }
  } else {
    let i = hi - 1;
    while (i >= lo) {
      const leaf = leafFor(v, i);
      const base = i & ~MASK;
      const end = Math.max(lo, base);
      for (; i >= end; i--) if (fn(leaf[i - base]!, i) === false) return;
    }
  }
}

/** The items from..to-1 as a fresh array. */
export function pvecSlice<T>(v: PVec<T>, from = 0, to = v.size): T[] {
  const out: T[] = [];
  pvecForEach(v, from, to, (x) => {
    out.push(x);
  });
  return out;
}
