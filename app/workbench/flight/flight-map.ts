/**
 * Where a record in flight starts, where it lands, and which edges it follows on the way.
 *
 * A model's trace entries say what they move between which nodes, as the same `NodeId`s the
 * topology uses (simulator/core/model.ts), so nothing here takes a name apart: a route is the
 * shortest path along the topology's edges between two ids, worked out once per pair so the
 * overlay's per-frame work is a lookup. Pure, so the mapping is tested without a browser.
 */
import type { Topology } from '../topology.ts';

/** Hops a route may take along edges; further apart, a token flies straight. */
export const routeHopsMax = 3;

/**
 * The nodes a token passes from `from` to `to`: the shortest path along the topology's edges
 * (either direction, so an acknowledgement flies back along the edge its batch came by), or the
 * two ends alone when no short path exists (broker to broker: brokers have no edges).
 */
export function routeBetween(topology: Topology, from: string, to: string): string[] {
  if (from === to) return [from];
  const next = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    let list = next.get(a);
    if (!list) next.set(a, (list = []));
    list.push(b);
  };
  for (const e of topology.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  // Breadth-first, in edge order, so ties always resolve the same way.
  const cameFrom = new Map<string, string>([[from, from]]);
  let frontier = [from];
  for (let hop = 0; hop < routeHopsMax && frontier.length > 0; hop++) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const n of next.get(id) ?? []) {
        if (cameFrom.has(n)) continue;
        cameFrom.set(n, id);
        if (n === to) {
          const path = [to];
          let at = to;
          while (at !== from) {
            at = cameFrom.get(at)!;
            path.push(at);
          }
          return path.reverse();
        }
        following.push(n);
      }
    }
    frontier = following;
  }
  return [from, to];
}

/** Routes per (from, to) pair of node ids, cached for a topology. */
export interface RouteTable {
  /** The route of a entry, or undefined when either end is not in the picture. */
  route(from: string, to: string): readonly string[] | undefined;
  /** The route of a entry with both ends, remembered per entry (called every frame). */
  routeOf(h: { readonly from?: string; readonly to?: string }): readonly string[] | undefined;
}

export function createRouteTable(topology: Topology): RouteTable {
  const ids = new Set<string>(topology.nodes.map((n) => n.id));
  const routes = new Map<string, readonly string[] | undefined>();
  const byEntry = new WeakMap<object, readonly string[] | null>();
  const route = (from: string, to: string): readonly string[] | undefined => {
    const k = `${from}\u0000${to}`;
    if (routes.has(k)) return routes.get(k);
    // An end that is not in the picture (a node the model names but the view folds away) flies nowhere.
    const r = !ids.has(from) || !ids.has(to) || from === to ? undefined : routeBetween(topology, from, to);
    routes.set(k, r);
    return r;
  };
  return {
    route,
    routeOf(h) {
      let r = byEntry.get(h);
      if (r === undefined) {
        r = h.from === undefined || h.to === undefined ? null : (route(h.from, h.to) ?? null);
        byEntry.set(h, r);
      }
      return r ?? undefined;
    },
  };
}
