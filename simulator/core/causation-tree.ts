/**
 * Stitching an asynchronous flow back together from its ids: the tree of what one event caused.
 *
 * In an event-driven system no call stack links a cause to its effects: each service reads an
 * event, does its work and announces a new one, maybe seconds later and on another machine. Two
 * ids carried by every event restore the picture. The correlation id names the whole flow (every
 * event of one order shares it); the causation id names the one event whose handling produced this
 * one. Correlation gathers the events of a flow; causation gives them their shape — which event
 * caused which, where the flow forked, which branch led where.
 *
 * Pure and model-free: a model hands over its events as `CausalEvent`s (its own record ids as
 * `id`) and gets trees back. Every loop is bounded by the number of events, and a cycle in bad
 * data (an event naming itself or a descendant as its cause) cannot make a walk run for ever.
 */

/** What the tree needs of an event; models add their own fields (name, publisher…). */
export interface CausalEvent {
  /** Unique among the events handed in (e.g. the record's id). */
  id: string;
  atMs: number;
  correlationId?: string;
  /** The `id` of the event whose handling produced this one; absent for a flow's first event. */
  causationId?: string;
}

/** One event and the events its handling produced, oldest first. */
export interface CausationNode<E extends CausalEvent> {
  event: E;
  /** Depth below the tree's root (the root is 0). */
  depth: number;
  children: CausationNode<E>[];
}

/** Events by the id of their cause, each list oldest first (ties by id, so the order is stable). */
function childrenIndex<E extends CausalEvent>(events: readonly E[]): Map<string, E[]> {
  const byCause = new Map<string, E[]>();
  for (const e of events) {
    if (e.causationId === undefined) continue;
    const list = byCause.get(e.causationId);
    if (list === undefined) byCause.set(e.causationId, [e]);
    else list.push(e);
  }
  for (const list of byCause.values()) list.sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byCause;
}

/**
 * The tree of everything event `rootId` caused, directly or through others; undefined when no
 * event has that id. An event reached twice (bad data) is drawn once, at its first place.
 */
export function causationTree<E extends CausalEvent>(events: readonly E[], rootId: string): CausationNode<E> | undefined {
  const root = events.find((e) => e.id === rootId);
  if (root === undefined) return undefined;
  const byCause = childrenIndex(events);
  const seen = new Set<string>([root.id]);
  const top: CausationNode<E> = { event: root, depth: 0, children: [] };
  const stack: CausationNode<E>[] = [top];
  // Each event is pushed at most once (`seen`), so this loop runs at most events.length times.
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of byCause.get(node.event.id) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      const c: CausationNode<E> = { event: child, depth: node.depth + 1, children: [] };
      node.children.push(c);
      stack.push(c);
    }
  }
  return top;
}

/** The chain of causes from the flow's first event down to `id` (both included); [] if unknown. */
export function causationPath<E extends CausalEvent>(events: readonly E[], id: string): E[] {
  const byId = new Map(events.map((e) => [e.id, e] as const));
  const path: E[] = [];
  const seen = new Set<string>();
  for (
    let e = byId.get(id);
    e !== undefined && !seen.has(e.id);
    e = e.causationId === undefined ? undefined : byId.get(e.causationId)
  ) {
    seen.add(e.id);
    path.unshift(e);
  }
  return path;
}

/** The tree's events in reading order: each event, then what it caused, depth first, oldest first. */
export function flattenTree<E extends CausalEvent>(root: CausationNode<E>): Array<CausationNode<E>> {
  const out: Array<CausationNode<E>> = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** How many events the tree holds, the root included. */
export function treeSize<E extends CausalEvent>(root: CausationNode<E>): number {
  return flattenTree(root).length;
}

/** The events of one flow (one correlation id), oldest first: what correlation alone gives you. */
export function eventsOfFlow<E extends CausalEvent>(events: readonly E[], correlationId: string): E[] {
  return events.filter((e) => e.correlationId === correlationId).sort((a, b) => a.atMs - b.atMs);
}
