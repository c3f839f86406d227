/**
 * The scheduler's queue: a binary min-heap of tasks ordered by virtual time, then by sequence.
 *
 * Virtual time is the only clock in the simulator. Two tasks due at the same millisecond run in
 * the order they were scheduled (their `seq`), which is what makes runs reproducible. The heap is
 * a plain array of plain task objects, so it is checkpointed with structuredClone like the rest of
 * the world; no closures live in it.
 */

/** What every scheduled task carries; the rest of the task is the model's own plain data. */
export interface Scheduled {
  /** Virtual time at which the task runs, in ms. */
  atMs: number;
  /** Tie-breaker: the order in which tasks were scheduled. Unique per world. */
  seq: number;
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

/** Pushes a task onto the heap (in place). */
export function heapPush<T extends Scheduled>(heap: T[], task: T): void {
  heap.push(task);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(task, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = task;
}

/** Removes and returns the earliest task, or undefined when the heap is empty. */
export function heapPop<T extends Scheduled>(heap: T[]): T | undefined {
  const n = heap.length;
  if (n === 0) return undefined;
  const top = heap[0]!;
  const last = heap.pop()!;
  if (n === 1) return top;
  const size = n - 1;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const child = r < size && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[child]!, last)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}

/** The earliest task without removing it. */
export function heapPeek<T extends Scheduled>(heap: readonly T[]): T | undefined {
  return heap[0];
}
