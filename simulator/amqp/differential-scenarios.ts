/**
 * The scripts the differential test runs on the model and on a real RabbitMQ 3.10, as data.
 *
 * Each one isolates a behaviour the model claims: routing over every exchange type with awkward
 * keys and headers, mandatory returns, competing consumers with prefetch 1, requeue at the
 * original position, a dying consumer's unacked messages, dead-lettering with x-death, queue and
 * per-message TTL (head only), a quorum queue's delivery limit, max-length drop-head, priorities.
 * Queue and exchange names carry a `dt.` prefix so a run never touches anything else on the broker.
 */
import type { AmqpScript, AmqpScriptStep } from './script.ts';

const pub = (
  exchange: string,
  routingKey: string,
  body: string,
  extra: Partial<Extract<AmqpScriptStep, { do: 'publish' }>> = {},
): AmqpScriptStep => ({
  do: 'publish',
  exchange,
  routingKey,
  body,
  ...extra,
});

const queues = (...names: string[]) => names.map((name) => ({ name, durable: false }));
const toQueue = (source: string, destination: string, routingKey: string, args?: Record<string, unknown>) => ({
  source,
  destination,
  destinationType: 'queue' as const,
  routingKey,
  ...(args === undefined ? {} : { arguments: args as Record<string, never> }),
});

const TOPIC_KEYS = ['a..b', '', '.', 'a', 'a.x.b', 'b', 'a.b.c', '*', '#', 'a.*'];

export const DIFFERENTIAL_SCRIPTS: AmqpScript[] = [
  {
    name: 'direct, fanout and the default exchange',
    exchanges: [
      { name: 'dt.direct', type: 'direct', durable: false },
      { name: 'dt.fanout', type: 'fanout', durable: false },
    ],
    queues: queues('dt.q1', 'dt.q2', 'dt.q3'),
    bindings: [
      toQueue('dt.direct', 'dt.q1', 'red'),
      toQueue('dt.direct', 'dt.q2', 'red'),
      toQueue('dt.direct', 'dt.q2', 'Red'),
      toQueue('dt.fanout', 'dt.q3', 'ignored'),
    ],
    steps: [
      pub('dt.direct', 'red', 'r1'),
      pub('dt.direct', 'Red', 'R2'),
      pub('dt.direct', 'blue', 'b3'),
      pub('dt.fanout', 'x', 'f4'),
      pub('', 'dt.q1', 'd5'),
      pub('', 'dt.nope', 'd6'),
    ],
  },
  {
    name: 'topic with empty words, empty keys and literal wildcards',
    exchanges: [{ name: 'dt.topic', type: 'topic', durable: false }],
    queues: queues('dt.star-mid', 'dt.hash', 'dt.star', 'dt.a-hash', 'dt.empty', 'dt.two', 'dt.hash-b'),
    bindings: [
      toQueue('dt.topic', 'dt.star-mid', 'a.*.b'),
      toQueue('dt.topic', 'dt.hash', '#'),
      toQueue('dt.topic', 'dt.star', '*'),
      toQueue('dt.topic', 'dt.a-hash', 'a.#'),
      toQueue('dt.topic', 'dt.empty', ''),
      toQueue('dt.topic', 'dt.two', '*.*'),
      toQueue('dt.topic', 'dt.hash-b', '#.b'),
    ],
    steps: TOPIC_KEYS.map((k, i) => pub('dt.topic', k, `k${i}:${k}`)),
  },
  {
    name: 'headers: all, any, -with-x, void values and typed values',
    exchanges: [{ name: 'dt.headers', type: 'headers', durable: false }],
    queues: queues('dt.all', 'dt.any', 'dt.allx', 'dt.anyx', 'dt.num', 'dt.none'),
    bindings: [
      toQueue('dt.headers', 'dt.all', '', { 'x-match': 'all', kind: 'order', region: 'eu' }),
      toQueue('dt.headers', 'dt.any', '', { 'x-match': 'any', kind: 'order', region: 'eu' }),
      toQueue('dt.headers', 'dt.allx', '', { 'x-match': 'all-with-x', kind: null, 'x-tenant': null }),
      toQueue('dt.headers', 'dt.anyx', '', { 'x-match': 'any-with-x', 'x-tenant': 'acme' }),
      toQueue('dt.headers', 'dt.num', '', { n: 1 }),
      toQueue('dt.headers', 'dt.none', '', { 'x-match': 'any' }),
    ],
    steps: [
      pub('dt.headers', '', 'h1', { headers: { kind: 'order', region: 'eu' } }),
      pub('dt.headers', '', 'h2', { headers: { kind: 'order', region: 'us' } }),
      pub('dt.headers', '', 'h3', { headers: { kind: 'invoice', 'x-tenant': 'acme' } }),
      pub('dt.headers', '', 'h4', { headers: { n: '1' } }),
      pub('dt.headers', '', 'h5', { headers: { n: 1 } }),
      pub('dt.headers', '', 'h6'),
      pub('dt.headers', '', 'h7', { headers: { 'x-tenant': 'acme' } }),
    ],
  },
  {
    name: 'exchange-to-exchange bindings and an alternate exchange',
    exchanges: [
      { name: 'dt.unrouted', type: 'fanout', durable: false },
      { name: 'dt.front', type: 'direct', durable: false, alternateExchange: 'dt.unrouted' },
      { name: 'dt.events', type: 'topic', durable: false },
    ],
    queues: queues('dt.orders', 'dt.lost'),
    bindings: [
      { source: 'dt.front', destination: 'dt.events', destinationType: 'exchange', routingKey: 'order.created' },
      toQueue('dt.events', 'dt.orders', 'order.*'),
      toQueue('dt.unrouted', 'dt.lost', ''),
    ],
    steps: [pub('dt.front', 'order.created', 'e1'), pub('dt.front', 'order.paid', 'e2'), pub('dt.events', 'order.paid', 'e3')],
  },
  {
    name: 'mandatory messages that route nowhere come back',
    exchanges: [{ name: 'dt.m', type: 'direct', durable: false }],
    queues: queues('dt.mq'),
    bindings: [toQueue('dt.m', 'dt.mq', 'ok')],
    steps: [
      pub('dt.m', 'ok', 'm1', { mandatory: true }),
      pub('dt.m', 'nope', 'm2', { mandatory: true }),
      pub('dt.m', 'nope', 'm3'),
      pub('', 'dt.missing', 'm4', { mandatory: true }),
    ],
  },
  {
    name: 'competing consumers with prefetch 1: a fast one and a slow one',
    queues: queues('dt.work'),
    steps: [
      { do: 'consume', consumer: 'fast', queue: 'dt.work', prefetch: 1 },
      { do: 'consume', consumer: 'slow', queue: 'dt.work', prefetch: 1 },
      ...[1, 2, 3, 4, 5, 6].map((i) => pub('', 'dt.work', `w${i}`)),
      { do: 'ack', consumer: 'fast', body: 'w1' },
      { do: 'ack', consumer: 'fast', body: 'w3' },
      { do: 'ack', consumer: 'slow', body: 'w2' },
      { do: 'ack', consumer: 'fast', body: 'w4' },
    ],
  },
  {
    name: 'nack with requeue puts the message back at its position, redelivered',
    queues: queues('dt.rq'),
    steps: [
      { do: 'consume', consumer: 'c', queue: 'dt.rq', prefetch: 3 },
      ...[1, 2, 3, 4, 5].map((i) => pub('', 'dt.rq', `n${i}`)),
      { do: 'nack', consumer: 'c', body: 'n2', requeue: true },
      { do: 'reject', consumer: 'c', body: 'n1', requeue: true },
      { do: 'ack', consumer: 'c', body: 'n3' },
    ],
  },
  {
    name: 'a consumer that dies gives its unacked messages back',
    queues: queues('dt.dq'),
    steps: [
      { do: 'consume', consumer: 'a', queue: 'dt.dq', prefetch: 2 },
      { do: 'consume', consumer: 'b', queue: 'dt.dq', prefetch: 1 },
      ...[1, 2, 3, 4, 5].map((i) => pub('', 'dt.dq', `d${i}`)),
      { do: 'close', consumer: 'a' },
      { do: 'ack', consumer: 'b', body: 'd2' },
    ],
  },
  {
    name: 'rejected messages go to the dead-letter exchange with x-death',
    exchanges: [
      { name: 'dt.in', type: 'direct', durable: false },
      { name: 'dt.dlx', type: 'fanout', durable: false },
    ],
    queues: [
      { name: 'dt.jobs', durable: false, arguments: { 'x-dead-letter-exchange': 'dt.dlx' } },
      {
        name: 'dt.jobs-rk',
        durable: false,
        arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dt.parked' },
      },
      { name: 'dt.dlq', durable: false },
      { name: 'dt.parked', durable: false },
    ],
    bindings: [toQueue('dt.in', 'dt.jobs', 'job'), toQueue('dt.in', 'dt.jobs-rk', 'job'), toQueue('dt.dlx', 'dt.dlq', '')],
    steps: [
      { do: 'consume', consumer: 'worker', queue: 'dt.jobs', prefetch: 10 },
      { do: 'consume', consumer: 'worker-rk', queue: 'dt.jobs-rk', prefetch: 10 },
      pub('dt.in', 'job', 'j1', { expirationMs: 60000 }),
      pub('dt.in', 'job', 'j2'),
      { do: 'reject', consumer: 'worker', body: 'j1', requeue: false },
      { do: 'nack', consumer: 'worker', body: 'j2', requeue: false },
      { do: 'reject', consumer: 'worker-rk', body: 'j1', requeue: false },
      { do: 'ack', consumer: 'worker-rk', body: 'j2' },
    ],
  },
  {
    name: 'a message dead-lettered twice from the same queue counts in one x-death entry',
    exchanges: [{ name: 'dt.retry', type: 'fanout', durable: false }],
    queues: [
      { name: 'dt.main', durable: false, arguments: { 'x-dead-letter-exchange': 'dt.retry' } },
      {
        name: 'dt.wait',
        durable: false,
        arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'dt.main', 'x-message-ttl': 50 },
      },
    ],
    bindings: [toQueue('dt.retry', 'dt.wait', '')],
    steps: [
      { do: 'consume', consumer: 'c', queue: 'dt.main', prefetch: 1 },
      pub('', 'dt.main', 'r1'),
      { do: 'reject', consumer: 'c', body: 'r1', requeue: false },
      { do: 'wait', ms: 400 },
      { do: 'reject', consumer: 'c', body: 'r1', requeue: false },
      { do: 'wait', ms: 400 },
    ],
  },
  {
    name: 'queue TTL and per-message TTL expire only at the head',
    exchanges: [{ name: 'dt.ttl-dlx', type: 'fanout', durable: false }],
    queues: [
      { name: 'dt.ttl', durable: false, arguments: { 'x-message-ttl': 100, 'x-dead-letter-exchange': 'dt.ttl-dlx' } },
      { name: 'dt.pm', durable: false, arguments: { 'x-dead-letter-exchange': 'dt.ttl-dlx' } },
      { name: 'dt.expired', durable: false },
    ],
    bindings: [toQueue('dt.ttl-dlx', 'dt.expired', '')],
    steps: [
      pub('', 'dt.ttl', 't1'),
      pub('', 'dt.ttl', 't2', { expirationMs: 30000 }),
      pub('', 'dt.pm', 'long', { expirationMs: 60000 }),
      pub('', 'dt.pm', 'short', { expirationMs: 50 }),
      { do: 'wait', ms: 500 },
      { do: 'consume', consumer: 'late', queue: 'dt.pm', prefetch: 1 },
    ],
  },
  {
    name: 'a quorum queue dead-letters a message returned more often than its delivery limit',
    exchanges: [{ name: 'dt.q-dlx', type: 'fanout', durable: false }],
    queues: [
      {
        name: 'dt.quorum',
        durable: true,
        arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 1, 'x-dead-letter-exchange': 'dt.q-dlx' },
      },
      { name: 'dt.poison', durable: false },
    ],
    bindings: [toQueue('dt.q-dlx', 'dt.poison', '')],
    steps: [
      { do: 'consume', consumer: 'c', queue: 'dt.quorum', prefetch: 1 },
      pub('', 'dt.quorum', 'p1'),
      pub('', 'dt.quorum', 'ok2'),
      { do: 'nack', consumer: 'c', body: 'p1', requeue: true },
      { do: 'nack', consumer: 'c', body: 'p1', requeue: true },
      { do: 'ack', consumer: 'c', body: 'ok2' },
    ],
  },
  {
    name: 'x-max-length drops from the head, and priorities reorder',
    exchanges: [{ name: 'dt.ml-dlx', type: 'fanout', durable: false }],
    queues: [
      { name: 'dt.short', durable: false, arguments: { 'x-max-length': 2, 'x-dead-letter-exchange': 'dt.ml-dlx' } },
      { name: 'dt.dropped', durable: false },
      { name: 'dt.prio', durable: false, arguments: { 'x-max-priority': 5 } },
    ],
    bindings: [toQueue('dt.ml-dlx', 'dt.dropped', '')],
    steps: [
      ...[1, 2, 3, 4].map((i) => pub('', 'dt.short', `s${i}`)),
      pub('', 'dt.prio', 'p0'),
      pub('', 'dt.prio', 'p5', { priority: 5 }),
      pub('', 'dt.prio', 'p9', { priority: 9 }),
      pub('', 'dt.prio', 'p3', { priority: 3 }),
      pub('', 'dt.prio', 'p0b', { priority: 0 }),
    ],
  },
];

/**
 * Consumers that ack on their own after a processing time: the broker's share of messages
 * between them depends on wall-clock timing, so the test compares only what is deterministic.
 */
export const TIMED_SCRIPT: AmqpScript = {
  name: 'competing consumers with different speeds (timed)',
  queues: queues('dt.timed'),
  steps: [
    { do: 'consume', consumer: 'fast', queue: 'dt.timed', prefetch: 1, ackAfterMs: 5 },
    { do: 'consume', consumer: 'slow', queue: 'dt.timed', prefetch: 1, ackAfterMs: 250 },
    ...Array.from({ length: 12 }, (_, i) => pub('', 'dt.timed', `t${i + 1}`)),
    { do: 'wait', ms: 600 },
  ],
};
