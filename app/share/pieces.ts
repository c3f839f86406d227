/**
 * A big state posted in pieces (issue #12): the page reads a Worker's message in one task, and a
 * Kafka state with a full trace (a rebalance storm run to its end: about 27 MB, 200,000 entries)
 * took over a second to read. The Worker detaches every long array from the state and posts it in
 * slices, each its own message and so its own short task on the page; the page puts them back.
 */

export type Path = Array<string | number>;

/** Up to `max` items of the array at `path`, in order. */
export interface Piece {
  path: Path;
  items: unknown[];
}

/** Arrays longer than this are sent in slices of this many items. */
export const pieceItemsMax = 2000;

const depthMax = 10;

/**
 * Replaces every array longer than `max` items in `root` (plain objects and arrays, up to a depth
 * of 10) by an empty array, in place, and returns its items as pieces, in order. For a state the
 * caller is about to give away (it is changed).
 */
export function detachLongArrays(root: unknown, max = pieceItemsMax): Piece[] {
  const pieces: Piece[] = [];
  const path: Path = [];
  const visit = (holder: Record<string | number, unknown>, key: string | number, depth: number): void => {
    const v = holder[key];
    if (v === null || typeof v !== 'object' || depth > depthMax) return;
    path.push(key);
    if (Array.isArray(v)) {
      if (v.length > max) {
        for (let i = 0; i < v.length; i += max) pieces.push({ path: [...path], items: v.slice(i, i + max) });
        holder[key] = [];
      } else for (let i = 0; i < v.length; i++) visit(v as unknown as Record<number, unknown>, i, depth + 1);
    } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      for (const k of Object.keys(v)) visit(v as Record<string, unknown>, k, depth + 1);
    }
    path.pop();
  };
  const box = { root };
  visit(box, 'root', 0);
  // Paths are taken from the box: drop its own key.
  for (const p of pieces) p.path.shift();
  if (box.root !== root) throw new Error('the state itself is a long array');
  return pieces;
}

/** Puts detached pieces back into `root` (the copy the page received), in place. */
export function attachPieces(root: unknown, pieces: readonly Piece[]): void {
  const byPath = new Map<string, Piece[]>();
  for (const p of pieces) {
    const key = JSON.stringify(p.path);
    const list = byPath.get(key);
    if (list) list.push(p);
    else byPath.set(key, [p]);
  }
  for (const list of byPath.values()) {
    const path = list[0]!.path;
    let holder = root as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
    const items = ([] as unknown[]).concat(...list.map((p) => p.items));
    // Defined, not assigned: a user's name such as `__proto__` stays an ordinary key.
    Object.defineProperty(holder, path.at(-1)!, { value: items, writable: true, enumerable: true, configurable: true });
  }
}
