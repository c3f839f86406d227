/** The stable surface against RabbitMQ's own routing test cases and the rules they imply. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amqpHeadersMatch, amqpTopicMatches, routeAmqp, type AmqpTopology } from './surface.ts';
import { HEADERS_CASES, TOPIC_BINDINGS, TOPIC_EXPECT, TOPIC_EXPECT_AFTER_REMOVAL, TOPIC_REMOVED } from './rabbitmq-cases.ts';
import { naiveTopicMatches } from './topic-trie.ts';
import { compareNames } from './routing.ts';

function topicTopology(skip: number[] = []): AmqpTopology {
  const bindings = TOPIC_BINDINGS.filter((_, i) => !skip.includes(i + 1)).map(([routingKey, destination, args]) => ({
    source: 'topic_matching-exchange',
    destination,
    destinationType: 'queue' as const,
    routingKey,
    arguments: args,
  }));
  const queues = [...new Set(TOPIC_BINDINGS.map(([, q]) => q))].map((name) => ({ name }));
  return { exchanges: [{ name: 'topic_matching-exchange', type: 'topic' }], queues, bindings };
}

const sorted = (xs: readonly string[]) => [...xs].sort(compareNames);

describe('topic routing: RabbitMQ topic_matching1 (unit_access_control_SUITE, v3.10.8)', () => {
  it.each(TOPIC_EXPECT)('routing key %j reaches RabbitMQ’s expected queues', (key, expected) => {
    expect(routeAmqp(topicTopology(), { exchange: 'topic_matching-exchange', routingKey: key })).toEqual(sorted(expected));
  });
  it.each(TOPIC_EXPECT_AFTER_REMOVAL)('after removing six bindings, %j reaches the expected queues', (key, expected) => {
    expect(routeAmqp(topicTopology(TOPIC_REMOVED), { exchange: 'topic_matching-exchange', routingKey: key })).toEqual(
      sorted(expected),
    );
  });
  it('with no bindings left nothing matches', () => {
    const t = topicTopology(TOPIC_BINDINGS.map((_, i) => i + 1));
    for (const k of ['a.b.c', 'b.b.c', ''])
      expect(routeAmqp(t, { exchange: 'topic_matching-exchange', routingKey: k })).toEqual([]);
  });
});

describe('amqpTopicMatches', () => {
  it.each([
    ['*', '', false], // the empty key is zero words
    ['#', '', true],
    ['', '', true],
    ['*', 'a', true],
    ['a.*.b', 'a..b', true], // `*` takes the empty middle word
    ['a.#.b', 'a..b', true],
    ['a.b', 'a..b', false],
    ['*.*', '.', true], // '.' is two empty words
    ['*', '.', false],
    ['a.#', 'a', true],
    ['#.a', 'a', true],
    ['a.#.#.b', 'a.b', true],
    ['a.*.#', 'a', false],
    ['a.*', 'a.b.c', false],
    ['a', 'A', false], // words compare exactly
    ['#.*', '', false],
    ['a.b', 'a.b.', false], // a trailing dot is a trailing empty word
    ['a.b.*', 'a.b.', true],
  ])('binding %j vs routing key %j → %s', (b, r, want) => {
    expect(amqpTopicMatches(b, r)).toBe(want);
  });

  it('agrees with the naive word-by-word matcher on any keys', () => {
    const word = fc.constantFrom('a', 'b', '', '*', '#', 'ab');
    const key = fc.array(word, { maxLength: 6 }).map((ws) => ws.join('.'));
    fc.assert(
      fc.property(key, key, (b, r) => {
        expect(amqpTopicMatches(b, r)).toBe(naiveTopicMatches(b, r));
      }),
      {
        numRuns: 3000,
      },
    );
  });
});

describe('amqpHeadersMatch: RabbitMQ exchanges_SUITE cases', () => {
  it.each(HEADERS_CASES)('%s', (_name, args, headers, want) => {
    expect(amqpHeadersMatch(args, headers)).toBe(want);
  });
});

describe('amqpHeadersMatch: the rules', () => {
  it('x-match defaults to all', () => {
    expect(amqpHeadersMatch({ a: 1, b: 2 }, { a: 1, b: 2, c: 3 })).toBe(true);
    expect(amqpHeadersMatch({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });
  it('compares values with their types: the number 1 is not the string "1"', () => {
    expect(amqpHeadersMatch({ a: 1 }, { a: '1' })).toBe(false);
    expect(amqpHeadersMatch({ a: '1' }, { a: '1' })).toBe(true);
    expect(amqpHeadersMatch({ a: 1 }, { a: 1.0 })).toBe(true);
    expect(amqpHeadersMatch({ a: true }, { a: 'true' })).toBe(false);
    expect(amqpHeadersMatch({ a: [1, 'x'] }, { a: [1, 'x'] })).toBe(true);
  });
  it('ignores x- keys except in the -with-x modes', () => {
    expect(amqpHeadersMatch({ 'x-match': 'all', 'x-k': 'v' }, {})).toBe(true);
    expect(amqpHeadersMatch({ 'x-match': 'all-with-x', 'x-k': 'v' }, {})).toBe(false);
    expect(amqpHeadersMatch({ 'x-match': 'all-with-x', 'x-k': 'v' }, { 'x-k': 'v' })).toBe(true);
    expect(amqpHeadersMatch({ 'x-match': 'any', 'x-k': 'v' }, { 'x-k': 'v' })).toBe(false);
    expect(amqpHeadersMatch({ 'x-match': 'any-with-x', 'x-k': 'v' }, { 'x-k': 'v' })).toBe(true);
  });
  it('all with nothing to compare matches everything; any with nothing matches nothing', () => {
    expect(amqpHeadersMatch({}, undefined)).toBe(true);
    expect(amqpHeadersMatch({ 'x-match': 'all' }, { a: 1 })).toBe(true);
    expect(amqpHeadersMatch({ 'x-match': 'any' }, { a: 1 })).toBe(false);
    expect(amqpHeadersMatch({ 'x-match': 'any', 'x-only': 1 }, { 'x-only': 1 })).toBe(false);
  });
  it('a null binding value tests presence only; a null header value is a value like any other', () => {
    expect(amqpHeadersMatch({ a: null }, { a: 0 })).toBe(true);
    expect(amqpHeadersMatch({ a: null }, { b: 0 })).toBe(false);
    expect(amqpHeadersMatch({ a: 'x' }, { a: null })).toBe(false);
  });
  it('an x-match RabbitMQ would not have validated counts as all (its legacy rule)', () => {
    expect(amqpHeadersMatch({ 'x-match': 'some', a: 1, b: 2 }, { a: 1 })).toBe(false);
  });
  it('a header called __proto__ is just a header', () => {
    const h = JSON.parse('{"__proto__": "yes"}') as Record<string, unknown>;
    expect(amqpHeadersMatch(JSON.parse('{"__proto__": "yes"}') as Record<string, unknown>, h)).toBe(true);
    expect(amqpHeadersMatch({ toString: null }, {})).toBe(false);
  });
});

describe('routeAmqp', () => {
  const topo: AmqpTopology = {
    exchanges: [
      { name: 'd', type: 'direct' },
      { name: 'f', type: 'fanout' },
      { name: 'h', type: 'headers' },
      { name: 'x1', type: 'topic' },
      { name: 'x2', type: 'fanout' },
    ],
    queues: [{ name: 'q1' }, { name: 'q2' }, { name: '__proto__' }, { name: 'constructor' }],
    bindings: [
      { source: 'd', destination: 'q1', destinationType: 'queue', routingKey: 'k' },
      { source: 'd', destination: 'q1', destinationType: 'queue', routingKey: 'k2' },
      { source: 'd', destination: '__proto__', destinationType: 'queue', routingKey: 'k' },
      { source: 'f', destination: 'q2', destinationType: 'queue', routingKey: 'ignored' },
      { source: 'h', destination: 'q2', destinationType: 'queue', routingKey: '', arguments: { 'x-match': 'any', t: 'a' } },
      { source: 'x1', destination: 'x2', destinationType: 'exchange', routingKey: 'a.#' },
      { source: 'x2', destination: 'x1', destinationType: 'exchange', routingKey: '' }, // a cycle
      { source: 'x2', destination: 'q1', destinationType: 'queue', routingKey: '' },
      { source: 'x1', destination: 'missing', destinationType: 'queue', routingKey: '#' },
    ],
  };
  it('direct routes by the exact key, each queue once, in name order', () => {
    expect(routeAmqp(topo, { exchange: 'd', routingKey: 'k' })).toEqual(['__proto__', 'q1']);
    expect(routeAmqp(topo, { exchange: 'd', routingKey: 'K' })).toEqual([]);
  });
  it('fanout ignores the key; headers read the headers', () => {
    expect(routeAmqp(topo, { exchange: 'f', routingKey: 'anything' })).toEqual(['q2']);
    expect(routeAmqp(topo, { exchange: 'h', routingKey: '', headers: { t: 'a' } })).toEqual(['q2']);
    expect(routeAmqp(topo, { exchange: 'h', routingKey: '' })).toEqual([]);
  });
  it('the default exchange routes to the queue named by the key, if it exists', () => {
    expect(routeAmqp(topo, { exchange: '', routingKey: '__proto__' })).toEqual(['__proto__']);
    expect(routeAmqp(topo, { exchange: '', routingKey: 'toString' })).toEqual([]);
    expect(routeAmqp(topo, { exchange: '', routingKey: 'constructor' })).toEqual(['constructor']);
  });
  it('follows exchange-to-exchange bindings through a cycle, and skips queues that do not exist', () => {
    expect(routeAmqp(topo, { exchange: 'x1', routingKey: 'a.b' })).toEqual(['q1']);
    expect(routeAmqp(topo, { exchange: 'x1', routingKey: 'b' })).toEqual([]);
  });
  it('an unknown exchange reaches nothing', () => {
    expect(routeAmqp(topo, { exchange: 'nope', routingKey: 'k' })).toEqual([]);
    expect(routeAmqp(topo, { exchange: '__proto__', routingKey: 'k' })).toEqual([]);
  });
});

describe('simulator/index.ts', () => {
  it('exports the stable AMQP surface under its exact names, running the same code', async () => {
    const sim = await import('../index.ts');
    expect(sim.amqpTopicMatches('a.*.b', 'a..b')).toBe(true);
    expect(sim.amqpHeadersMatch({ 'x-match': 'any' }, { a: 1 })).toBe(false);
    expect(
      sim.routeAmqp(
        {
          exchanges: [{ name: 't', type: 'topic' }],
          queues: [{ name: 'q' }],
          bindings: [{ source: 't', destination: 'q', destinationType: 'queue', routingKey: '#' }],
        },
        { exchange: 't', routingKey: '' },
      ),
    ).toEqual(['q']);
  });
});
