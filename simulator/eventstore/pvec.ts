/**
 * A persistent (immutable, structurally shared) vector: the storage behind the event log.
 *
 * The event store hands out store values that callers keep, compare and checkpoint, and an append
 * must never change a value someone already holds. Copying the whole log per append would make a
 * million appends quadratic, so the log is a 32-way trie of full 32-item leaves (the layout of
 * Clojure's PersistentVector) plus a short tail of the last 0..31 items. Unlike Clojure, the tail
 * is a linked list, newest first: an append allocates one two-field node and shares everything
 * else, instead of copying a tail array of up to 31 items. That matters because the garbage
 * collector, not the arithmetic, is what limits a million appends a second. Every 32nd append turns
 * the list into a leaf and hangs it in the trie, copying only the root-to-leaf path.
 *
 * Nodes are plain arrays and objects, so a vector survives structuredClone and JSON round trips
 * (the tail list is at most 31 deep), and deep-freezing one does not break later appends (nothing
 * is ever written in place).
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** An internal node (array of child nodes) or a leaf (array of items). */
type Node = unknown[];

/** One tail item and the (older) rest of the tail. */
export interface TailNode<T> {
  readonly item: T;
  readonly prev: TailNode<T> | null;
}

/** The vector value. Treat it as opaque and read it through the functions below. */
export interface PVec<T> {
  readonly size: number;
  /** Bit shift of the root level: 5 for a one-level tree, 10 for two levels, … */
  readonly shift: number;
  /** Full leaves holding items 0 .. (size & ~31) - 1. */
  readonly root: Node;
  /** The last size & 31 items, newest first. */
  readonly tail: TailNode<T> | null;
}

const EMPTY: PVec<never> = { size: 0, shift: BITS, root: [], tail: null };

/** The empty vector (shared; it is never changed). */
export function pvecEmpty<T>(): PVec<T> {
  return EMPTY as PVec<T>;
}

/** Items below this index live in the trie; from it on, in the tail list. */
function trieSize(v: PVec<unknown>): number {
  return v.size & ~MASK;
}

/** The tail as an array, oldest first (length size & 31). */
function tailArray<T>(v: PVec<T>): T[] {
  const n = v.size & MASK;
  const out = new Array<T>(n);
  let node = v.tail;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = node!.item;
    node = node!.prev;
  }
  return out;
}

/**
 * The 32-item leaf holding index i (item i is at `i & 31`), for loops that read many nearby
 * indexes: fetch a leaf once per 32 items instead of descending per item. In the tail region this
 * builds a fresh array of the tail. i must be in range.
 */
export function pvecLeafFor<T>(v: PVec<T>, i: number): readonly T[] {
  if (i >= trieSize(v)) return tailArray(v);
  let node = v.root;
  for (let level = v.shift; level > 0; level -= BITS) node = node[(i >>> level) & MASK] as Node;
  return node as T[];
}

/** The item at index i, or undefined when i is out of range. O(log32 n); tail items O(32). */
export function pvecGet<T>(v: PVec<T>, i: number): T | undefined {
  if (i < 0 || i >= v.size || !Number.isInteger(i)) return undefined;
  const t = trieSize(v);
  if (i >= t) {
    let node = v.tail!;
    for (let k = v.size - 1; k > i; k--) node = node.prev!;
    return node.item;
  }
  let node = v.root;
  for (let level = v.shift; level > 0; level -= BITS) node = node[(i >>> level) & MASK] as Node;
  return (node as T[])[i & MASK];
}

function newPath(level: number, leaf: Node): Node {
  let node = leaf;
  for (let l = level; l > 0; l -= BITS) node = [node];
  return node;
}

/** Copies the path to the slot where a new leaf goes (count = items once it is in) and hangs it. */
function pushLeaf(count: number, level: number, parent: Node, leaf: Node): Node {
  const sub = ((count - 1) >>> level) & MASK;
  const copy = parent.slice();
  if (level === BITS) {
    copy[sub] = leaf;
  } else {
    const child = parent[sub] as Node | undefined;
    copy[sub] = child !== undefined ? pushLeaf(count, level - BITS, child, leaf) : newPath(level - BITS, leaf);
  }
  return copy;
}

/** A new vector with `item` added at the end. The input vector is unchanged. */
export function pvecPush<T>(v: PVec<T>, item: T): PVec<T> {
  if ((v.size & MASK) !== MASK) {
    // The common case: one new tail node in front of the shared older tail.
    return { size: v.size + 1, shift: v.shift, root: v.root, tail: { item, prev: v.tail } };
  }
  // The tail holds 31 items and this is the 32nd: together they become a leaf of the trie.
  const leaf: Node = tailArray(v);
  leaf.push(item);
  const count = v.size + 1;
  if (count >>> BITS > 1 << v.shift) {
    return { size: count, shift: v.shift + BITS, root: [v.root, newPath(v.shift, leaf)], tail: null };
  }
  return { size: count, shift: v.shift, root: pushLeaf(count, v.shift, v.root, leaf), tail: null };
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
      const leaf = pvecLeafFor(v, i);
      const base = i & ~MASK;
      const end = Math.min(hi, base + WIDTH);
      for (; i < end; i++) if (fn(leaf[i - base]!, i) === false) return;
    }
  } else {
    let i = hi - 1;
    while (i >= lo) {
      const leaf = pvecLeafFor(v, i);
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
