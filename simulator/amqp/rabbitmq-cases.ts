/**
 * RabbitMQ's own routing test cases, ported as data for the stable surface's tests.
 *
 * Topic: `topic_matching1` in deps/rabbit/test/unit_access_control_SUITE.erl at v3.10.8 (moved to
 * routing_SUITE.erl `topic` in later versions): 28 bindings t1..t27, the routing keys they must
 * reach, then the same keys after six bindings are removed. Headers: `headers_exchange` and
 * `headers_exchange_key_presence_only` in deps/rabbit/test/exchanges_SUITE.erl (main, 2026).
 * The expected answers are RabbitMQ's; only the notation is ours.
 */

/** [binding key, queue, binding arguments] — the order matters for the removal step. */
export const TOPIC_BINDINGS: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
  ['a.b.c', 't1', {}],
  ['a.*.c', 't2', {}],
  ['a.#.b', 't3', {}],
  ['a.b.b.c', 't4', {}],
  ['#', 't5', {}],
  ['#.#', 't6', {}],
  ['#.b', 't7', {}],
  ['*.*', 't8', {}],
  ['a.*', 't9', {}],
  ['*.b.c', 't10', {}],
  ['a.#', 't11', {}],
  ['a.#.#', 't12', {}],
  ['b.b.c', 't13', {}],
  ['a.b.b', 't14', {}],
  ['a.b', 't15', {}],
  ['b.c', 't16', {}],
  ['', 't17', {}],
  ['*.*.*', 't18', {}],
  ['vodka.martini', 't19', {}],
  ['a.b.c', 't20', {}],
  ['*.#', 't21', {}],
  ['#.*.#', 't22', {}],
  ['*.#.#', 't23', {}],
  ['#.#.#', 't24', {}],
  ['*', 't25', {}],
  ['#.b.#', 't26', {}],
  ['args-test', 't27', { foo: 'bar' }],
  ['args-test', 't27', { foo: 'baz' }], // the suite's "aliasing": two bindings, one queue
];

export const TOPIC_EXPECT: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['a.b.c', ['t1', 't2', 't5', 't6', 't10', 't11', 't12', 't18', 't20', 't21', 't22', 't23', 't24', 't26']],
  ['a.b', ['t3', 't5', 't6', 't7', 't8', 't9', 't11', 't12', 't15', 't21', 't22', 't23', 't24', 't26']],
  ['a.b.b', ['t3', 't5', 't6', 't7', 't11', 't12', 't14', 't18', 't21', 't22', 't23', 't24', 't26']],
  ['', ['t5', 't6', 't17', 't24']],
  ['b.c.c', ['t5', 't6', 't18', 't21', 't22', 't23', 't24', 't26']],
  ['a.a.a.a.a', ['t5', 't6', 't11', 't12', 't21', 't22', 't23', 't24']],
  ['vodka.gin', ['t5', 't6', 't8', 't21', 't22', 't23', 't24']],
  ['vodka.martini', ['t5', 't6', 't8', 't19', 't21', 't22', 't23', 't24']],
  ['b.b.c', ['t5', 't6', 't10', 't13', 't18', 't21', 't22', 't23', 't24', 't26']],
  ['nothing.here.at.all', ['t5', 't6', 't21', 't22', 't23', 't24']],
  ['oneword', ['t5', 't6', 't21', 't22', 't23', 't24', 't25']],
  ['args-test', ['t5', 't6', 't21', 't22', 't23', 't24', 't25', 't27']],
];

/** 1-based positions in TOPIC_BINDINGS that the suite removes before the second round. */
export const TOPIC_REMOVED = [1, 5, 11, 19, 21, 28];

export const TOPIC_EXPECT_AFTER_REMOVAL: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['a.b.c', ['t2', 't6', 't10', 't12', 't18', 't20', 't22', 't23', 't24', 't26']],
  ['a.b', ['t3', 't6', 't7', 't8', 't9', 't12', 't15', 't22', 't23', 't24', 't26']],
  ['a.b.b', ['t3', 't6', 't7', 't12', 't14', 't18', 't22', 't23', 't24', 't26']],
  ['', ['t6', 't17', 't24']],
  ['b.c.c', ['t6', 't18', 't22', 't23', 't24', 't26']],
  ['a.a.a.a.a', ['t6', 't12', 't22', 't23', 't24']],
  ['vodka.gin', ['t6', 't8', 't22', 't23', 't24']],
  ['vodka.martini', ['t6', 't8', 't22', 't23', 't24']],
  ['b.b.c', ['t6', 't10', 't13', 't18', 't22', 't23', 't24', 't26']],
  ['nothing.here.at.all', ['t6', 't22', 't23', 't24']],
  ['oneword', ['t6', 't22', 't23', 't24', 't25']],
  ['args-test', ['t6', 't22', 't23', 't24', 't25', 't27']],
];

/** A headers case: binding arguments, message headers (undefined = none), whether it matches. */
export type HeadersCase = readonly [string, Record<string, unknown>, Record<string, unknown> | undefined, boolean];

export const HEADERS_CASES: readonly HeadersCase[] = [
  // exchanges_SUITE headers_exchange: an `all` binding and an `any` binding on foo=bar, fuu=ber.
  ['all: both', { 'x-match': 'all', foo: 'bar', fuu: 'ber' }, { foo: 'bar', fuu: 'ber' }, true],
  ['all: one of two', { 'x-match': 'all', foo: 'bar', fuu: 'ber' }, { foo: 'bar' }, false],
  ['all: no headers', { 'x-match': 'all', foo: 'bar', fuu: 'ber' }, undefined, false],
  ['any: both', { 'x-match': 'any', foo: 'bar', fuu: 'ber' }, { foo: 'bar', fuu: 'ber' }, true],
  ['any: one of two', { 'x-match': 'any', foo: 'bar', fuu: 'ber' }, { foo: 'bar' }, true],
  ['any: no headers', { 'x-match': 'any', foo: 'bar', fuu: 'ber' }, undefined, false],
  // exchanges_SUITE headers_exchange_key_presence_only: void (null) values test presence only.
  [
    'all-with-x void: both present',
    { 'x-match': 'all-with-x', foo: null, 'x-foo': null },
    { foo: 'anything', 'x-foo': 42 },
    true,
  ],
  ['all-with-x void: foo only', { 'x-match': 'all-with-x', foo: null, 'x-foo': null }, { foo: 'whatever' }, false],
  ['all-with-x void: x-foo only', { 'x-match': 'all-with-x', foo: null, 'x-foo': null }, { 'x-foo': 'something' }, false],
  ['all-with-x void: neither', { 'x-match': 'all-with-x', foo: null, 'x-foo': null }, { other: 'value' }, false],
  ['all-with-x void: no headers', { 'x-match': 'all-with-x', foo: null, 'x-foo': null }, undefined, false],
  [
    'any-with-x void: both present',
    { 'x-match': 'any-with-x', foo: null, 'x-foo': null },
    { foo: 'anything', 'x-foo': 42 },
    true,
  ],
  ['any-with-x void: foo only', { 'x-match': 'any-with-x', foo: null, 'x-foo': null }, { foo: 'whatever' }, true],
  ['any-with-x void: x-foo only', { 'x-match': 'any-with-x', foo: null, 'x-foo': null }, { 'x-foo': 'something' }, true],
  ['any-with-x void: neither', { 'x-match': 'any-with-x', foo: null, 'x-foo': null }, { other: 'value' }, false],
  ['any-with-x void: no headers', { 'x-match': 'any-with-x', foo: null, 'x-foo': null }, undefined, false],
];
