/**
 * The stable AMQP surface: topic matching, headers matching and routing over a topology, as thin
 * entry points over the trie, the headers matcher and the router the model itself runs.
 */
import { dictGet, dictSet, newDict } from './dict.ts';
import { headersMatch } from './headers-match.ts';
import { route } from './routing.ts';
import { newTopicNode, topicTrieAdd, topicTrieMatch } from './topic-trie.ts';
import { newExchange } from './topology.ts';
import type { AmqpExchange, ExchangeType } from './types.ts';
import { dictFrom } from './dict.ts';

/** The topology `routeAmqp` routes over. */
export interface AmqpTopology {
  exchanges: { name: string; type: ExchangeType }[];
  queues: { name: string }[];
  bindings: {
    source: string;
    destination: string;
    destinationType: 'queue' | 'exchange';
    routingKey: string;
    arguments?: Record<string, unknown>;
  }[];
}

/** Whether a topic binding key matches a routing key, exactly as RabbitMQ's topic exchange. */
export function amqpTopicMatches(bindingKey: string, routingKey: string): boolean {
  const root = newTopicNode<true>();
  topicTrieAdd(root, bindingKey, true);
  return topicTrieMatch(root, routingKey, []).length > 0;
}

/** Whether a headers-exchange binding with these arguments matches a message with these headers. */
export function amqpHeadersMatch(
  bindingArguments: Record<string, unknown>,
  headers: Record<string, unknown> | undefined,
): boolean {
  return headersMatch(dictFrom(bindingArguments), headers === undefined ? undefined : dictFrom(headers));
}

/**
 * The queues a publish reaches, each once, in RabbitMQ's order; [] when none. Publishing to `''`
 * is the default exchange (the queue named by the routing key); an unknown exchange reaches none.
 */
export function routeAmqp(
  topology: AmqpTopology,
  publish: { exchange: string; routingKey: string; headers?: Record<string, unknown> },
): string[] {
  const exchanges = newDict<AmqpExchange>();
  const queues = newDict<true>();
  for (const x of topology.exchanges) dictSet(exchanges, x.name, newExchange({ name: x.name, type: x.type }));
  for (const q of topology.queues) dictSet(queues, q.name, true);
  for (const b of topology.bindings) {
    const x = dictGet(exchanges, b.source);
    if (x === undefined) continue;
    x.bindings.push({ ...b, arguments: dictFrom(b.arguments) });
    x.version++;
  }
  const headers = publish.headers === undefined ? undefined : dictFrom(publish.headers);
  return route({ exchanges, queues }, publish.exchange, publish.routingKey, headers, false).queues;
}
