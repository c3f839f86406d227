/**
 * Trace names → topology: where a record in flight starts, where it lands, and which edges it
 * follows on the way.
 *
 * A model's happenings say who sent what to whom in the names its trace uses (the Kafka model:
 * a producer id, `orders-3` for a partition, a consumer id, `broker-1`, `group billing`). The
 * topology names nodes `kind:name`. This module joins the two, once per distinct pair, so the
 * overlay's per-frame work is a lookup. Pure, so the mapping is tested without a browser.
 */
import type { Topology, TopologyNodeKind } from '../topology.ts';

/** Resolves a trace name to a topology node id, or undefined when the picture has no such node. */
export type NodeResolver = (name: string) => string | undefined;

/** Builds a resolver over a topology's node ids. */
export function createNodeResolver(topology: Topology): NodeResolver {
  const ids = new Set(topology.nodes.map((n) => n.id));
  const topics = topology.nodes.filter((n) => n.kind === 'topic').map((n) => n.label);
  const cache = new Map<string, string | undefined>();
  const has = (kind: TopologyNodeKind, name: string): string | undefined => {
    const id = `${kind}:${name}`;
    return ids.has(id) ? id : undefined;
  };
  const resolve = (name: string): string | undefined => {
    // Already a topology id (some happenings list nodes that way).
    if (ids.has(name)) return name;
    if (name.startsWith('group ')) return has('group', name.slice(6));
    const broker = /^broker-(.+)$/.exec(name);
    if (broker && has('broker', broker[1]!)) return has('broker', broker[1]!);
    // A partition `topic-N` belongs to its topic node. Topic names may contain dashes, so
    // strip only the last `-N`.
    const part = /^(.*)-(\d+)$/.exec(name);
    if (part && topics.includes(part[1]!)) return `topic:${part[1]}`;
    return has('producer', name) ?? has('consumer', name) ?? has('topic', name);
  };
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const id = resolve(name);
    cache.set(name, id);
    return id;
  };
}

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

/** Routes per (from, to) trace-name pair, cached for a topology. */
export interface RouteTable {
  /** The route of a happening, or undefined when either end is not in the picture. */
  route(from: string, to: string): readonly string[] | undefined;
  /** The route of a happening with both ends, remembered per happening (called every frame). */
  routeOf(h: { readonly from?: string; readonly to?: string }): readonly string[] | undefined;
}

export function createRouteTable(topology: Topology): RouteTable {
  const resolve = createNodeResolver(topology);
  const routes = new Map<string, readonly string[] | undefined>();
  const byHappening = new WeakMap<object, readonly string[] | null>();
  const route = (from: string, to: string): readonly string[] | undefined => {
    const k = `${from}\u0000${to}`;
    if (routes.has(k)) return routes.get(k);
    const a = resolve(from);
    const b = resolve(to);
    const r = a === undefined || b === undefined || a === b ? undefined : routeBetween(topology, a, b);
    routes.set(k, r);
    return r;
  };
  return {
    route,
    routeOf(h) {
      let r = byHappening.get(h);
      if (r === undefined) {
        r = h.from === undefined || h.to === undefined ? null : (route(h.from, h.to) ?? null);
        byHappening.set(h, r);
      }
      return r ?? undefined;
    },
  };
}
