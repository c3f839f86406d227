/**
 * Routing a published message through exchanges to queues, as rabbit_exchange:route/2 (3.10).
 *
 * Each exchange type answers its own destinations: direct by equal key, fanout all, topic by the
 * trie, headers by the match spec. Destinations that are exchanges are routed in turn, each
 * exchange at most once (so exchange-to-exchange cycles end). An exchange whose own bindings give
 * nothing hands the message to its alternate exchange. The default exchange (`''`) routes to the
 * queue named by the routing key. The result is each queue once, in RabbitMQ's order (usort of the
 * names, i.e. by code point), and only queues that exist.
 */
import { dictGet, type Dict } from './dict.ts';
import { headersMatch } from './headers-match.ts';
import { newTopicNode, topicTrieAdd, topicTrieMatch, type TopicTrieNode } from './topic-trie.ts';
import type { AmqpBinding, AmqpExchange } from './types.ts';

/** What routing reads: the exchanges and which queue names exist. */
export interface RoutingView {
  exchanges: Dict<AmqpExchange>;
  queues: Dict<unknown>;
}

/** One hop a message took, for the trace: exchange → queue or exchange → exchange. */
export interface RouteHop {
  from: string;
  to: string;
  destinationType: 'queue' | 'exchange';
  viaAlternate: boolean;
}

export interface RouteResult {
  queues: string[];
  hops: RouteHop[];
}

// Derived tries, rebuilt when an exchange's binding version moves. Keyed by the exchange object,
// so a cloned world simply builds its own; the state itself stays plain data.
const tries = new WeakMap<AmqpExchange, { version: number; root: TopicTrieNode<AmqpBinding> }>();

/** The topic trie for an exchange's current bindings. */
export function topicTrieFor(x: AmqpExchange): TopicTrieNode<AmqpBinding> {
  const cached = tries.get(x);
  if (cached !== undefined && cached.version === x.version) return cached.root;
  const root = newTopicNode<AmqpBinding>();
  for (const b of x.bindings) topicTrieAdd(root, b.routingKey, b);
  tries.set(x, { version: x.version, root });
  return root;
}

/** The bindings of one exchange that match, by the exchange's type. */
export function matchBindings(
  x: AmqpExchange,
  routingKey: string,
  headers: Record<string, unknown> | null | undefined,
  out: AmqpBinding[],
): AmqpBinding[] {
  switch (x.type) {
    case 'fanout':
      for (const b of x.bindings) out.push(b);
      return out;
    case 'direct':
      for (const b of x.bindings) if (b.routingKey === routingKey) out.push(b);
      return out;
    case 'topic':
      return topicTrieMatch(topicTrieFor(x), routingKey, out);
    case 'headers':
      for (const b of x.bindings) if (headersMatch(b.arguments, headers ?? undefined)) out.push(b);
      return out;
  }
}

/** Code-point order, which is the byte order Erlang sorts UTF-8 names in. */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * Routes a publish to `exchange`. `withHops` asks for the hops too (the model's trace); the bench
 * and the stable surface skip them.
 */
export function route(
  view: RoutingView,
  exchange: string,
  routingKey: string,
  headers: Record<string, unknown> | null | undefined,
  withHops: boolean,
): RouteResult {
  const hops: RouteHop[] = [];
  if (exchange === '') {
    if (dictGet(view.queues, routingKey) === undefined) return { queues: [], hops };
    if (withHops) hops.push({ from: '', to: routingKey, destinationType: 'queue', viaAlternate: false });
    return { queues: [routingKey], hops };
  }
  const start = dictGet(view.exchanges, exchange);
  if (start === undefined) return { queues: [], hops };
  const first = matchBindings(start, routingKey, headers, []);
  // The common case — one exchange whose bindings all lead to queues — skips the work list.
  if (!withHops && first.length <= 8 && (first.length > 0 || start.alternateExchange === null)) {
    let simple = true;
    for (const b of first) if (b.destinationType !== 'queue') simple = false;
    if (simple) return { queues: uniqueExistingQueues(view, first), hops };
  }
  const queues = new Set<string>();
  const seen = new Set<string>([exchange]);
  const work: AmqpExchange[] = [start];
  const matched: AmqpBinding[] = [];
  // Each exchange enters the work list at most once, so this ends after |exchanges| rounds.
  for (let x = work.pop(); x !== undefined; x = work.pop()) {
    matched.length = 0;
    if (x === start) for (const b of first) matched.push(b);
    else matchBindings(x, routingKey, headers, matched);
    if (matched.length === 0 && x.alternateExchange !== null) {
      const ae = dictGet(view.exchanges, x.alternateExchange);
      if (ae !== undefined && !seen.has(ae.name)) {
        seen.add(ae.name);
        work.push(ae);
        if (withHops) hops.push({ from: x.name, to: ae.name, destinationType: 'exchange', viaAlternate: true });
      }
      continue;
    }
    for (const b of matched) {
      if (b.destinationType === 'queue') {
        if (queues.has(b.destination) || dictGet(view.queues, b.destination) === undefined) continue;
        queues.add(b.destination);
        if (withHops) hops.push({ from: x.name, to: b.destination, destinationType: 'queue', viaAlternate: false });
      } else if (!seen.has(b.destination)) {
        const next = dictGet(view.exchanges, b.destination);
        if (next === undefined) continue;
        seen.add(b.destination);
        work.push(next);
        if (withHops) hops.push({ from: x.name, to: b.destination, destinationType: 'exchange', viaAlternate: false });
      }
    }
  }
  return { queues: [...queues].sort(compareNames), hops };
}

/** Distinct existing queue names of a few queue bindings, in name order, without a Set. */
function uniqueExistingQueues(view: RoutingView, bindings: AmqpBinding[]): string[] {
  const out: string[] = [];
  for (const b of bindings) {
    const d = b.destination;
    if (out.includes(d) || dictGet(view.queues, d) === undefined) continue;
    out.push(d);
  }
  return out.length > 1 ? out.sort(compareNames) : out;
}
