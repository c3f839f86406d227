/** The AMQP model's contract: scenarios, commands as values, errors, faults, clones, determinism. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/errors.ts';
import { describeAmqpEntry } from './describe.ts';
import { dictGet } from './dict.ts';
import { readyInOrder } from './queue-store.ts';
import type { AmqpScenario } from './schema.ts';
import { deliveries, entries, run, value, world } from './test-kit.ts';
import type { AmqpEntry } from './trace-entries.ts';
import { amqpNodeId } from './types.ts';
import { applyAmqpCommand, cloneAmqpWorld, createAmqpWorld } from './world.ts';

const busy: AmqpScenario = {
  networkDelayMs: 2,
  exchanges: [
    { name: 'orders', type: 'topic' },
    { name: 'dlx', type: 'fanout' },
  ],
  queues: [
    { name: 'billing', arguments: { 'x-dead-letter-exchange': 'dlx' } },
    { name: 'audit', durable: false },
    { name: 'dlq' },
  ],
  bindings: [
    { source: 'orders', destination: 'billing', routingKey: 'order.*' },
    { source: 'orders', destination: 'audit', routingKey: '#' },
    { source: 'dlx', destination: 'dlq' },
  ],
  publishers: [{ name: 'shop', confirms: true }],
  consumers: [
    { name: 'b1', queue: 'billing', prefetch: 2, processingMs: 30, poison: { bodies: ['order#3'], action: 'reject' } },
    { name: 'b2', queue: 'billing', prefetch: 2, processingMs: 50 },
  ],
  publishes: [
    {
      atMs: 0,
      publisher: 'shop',
      exchange: 'orders',
      routingKey: 'order.created',
      body: 'order',
      count: 8,
      everyMs: 5,
      persistent: true,
    },
  ],
  faults: [{ atMs: 40, fault: { type: 'crash-consumer', consumer: 'b2', restartAfterMs: 100 } }],
};

describe('scenarios', () => {
  it('are validated strictly, with the path of the problem', () => {
    const typo = createAmqpWorld({ queues: [{ name: 'q', durabel: true }] } as unknown as AmqpScenario, 1);
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error.code).toBe(ErrorCode.ScenarioInvalid);
    const missing = createAmqpWorld({ bindings: [{ source: 'nope', destination: 'q' }], queues: [{ name: 'q' }] }, 1);
    expect(missing.ok ? null : [missing.error.path, missing.error.message]).toEqual([
      'bindings.0.source',
      "bindings.0.source: NOT_FOUND - no exchange 'nope' in vhost '/'",
    ]);
  });

  it('refuse what RabbitMQ 3.10 refuses, with its reply text', () => {
    const cases: Array<[AmqpScenario, string]> = [
      [{ queues: [{ name: 'q', arguments: { 'x-dead-letter-routing-key': 'k' } }] }, 'routing_key_but_no_dlx_defined'],
      [{ queues: [{ name: 'q', durable: false, arguments: { 'x-queue-type': 'quorum' } }] }, "invalid property 'non-durable'"],
      [{ queues: [{ name: 'q', arguments: { 'x-queue-type': 'quorum', 'x-max-priority': 3 } }] }, 'rabbit_quorum_queue'],
      [{ queues: [{ name: 'q', arguments: { 'x-message-ttl': -1 } }] }, '{value_negative,-1}'],
      [{ queues: [{ name: 'amq.mine' }] }, "ACCESS_REFUSED - queue name 'amq.mine' contains reserved prefix 'amq.*'"],
      [{ exchanges: [{ name: 'amq.mine', type: 'direct' }] }, 'ACCESS_REFUSED'],
      [{ exchanges: [{ name: 'amq.topic', type: 'direct' }] }, "inequivalent arg 'type'"],
      [
        { queues: [{ name: 'q' }], bindings: [{ source: 'amq.headers', destination: 'q', arguments: { 'x-match': 'most' } }] },
        'PRECONDITION_FAILED - Invalid x-match field value "most"',
      ],
      [
        { queues: [{ name: 'q' }], bindings: [{ source: 'amq.topic', destination: 'q', routingKey: 'k'.repeat(256) }] },
        'at most 255',
      ],
    ];
    for (const [s, text] of cases) {
      const r = createAmqpWorld(s, 1);
      expect(r.ok ? 'accepted' : r.error.message).toContain(text);
    }
  });

  it('accept every topic binding key: RabbitMQ 3.10 validates none (only the 255-byte limit)', () => {
    const keys = ['#.#.#.#', '*.#.*', '..', '#a', 'a*', ''];
    const r = createAmqpWorld(
      { queues: [{ name: 'q' }], bindings: keys.map((routingKey) => ({ source: 'amq.topic', destination: 'q', routingKey })) },
      1,
    );
    expect(r.ok).toBe(true);
  });
});

describe('commands', () => {
  it('an impossible command is an error value and changes nothing', () => {
    const w = world(busy);
    run(w, { type: 'advance', untilMs: 10 });
    const before = JSON.stringify(w);
    const bad: Array<[unknown, string]> = [
      [{ type: 'ack', consumer: 'b1', deliveryTag: 99 }, 'PRECONDITION_FAILED - unknown delivery tag 99'],
      [{ type: 'ack', consumer: 'ghost', deliveryTag: 1 }, "no consumer 'ghost'"],
      [{ type: 'publish', exchange: 'nope', routingKey: '', body: 'x' }, "NOT_FOUND - no exchange 'nope'"],
      [{ type: 'bind', source: 'orders', destination: 'missing' }, "NOT_FOUND - no queue 'missing'"],
      [{ type: 'bind', source: '', destination: 'audit' }, 'default exchange'],
      [{ type: 'advance', untilMs: 5 }, 'already at 10 ms'],
      [{ type: 'teleport' }, 'type'],
      [{ type: 'crash-broker', restartAfterMs: -1 }, 'restartAfterMs'],
    ];
    for (const [c, text] of bad) {
      const r = applyAmqpCommand(w, c as never);
      expect(r.ok ? 'accepted' : r.error.message).toContain(text);
    }
    expect(JSON.stringify(w)).toBe(before);
  });

  it('step runs one scheduled task at a time', () => {
    const w = world(busy);
    const r = value(applyAmqpCommand(w, { type: 'step' }));
    expect(r.tasksRun).toBe(1);
    expect(entries(w, 'message-published')).toHaveLength(1);
    expect(entries(w, 'message-routed')).toHaveLength(0);
  });

  it('the learner can bind, publish, hold, ack and nack by hand', () => {
    const w = world({ networkDelayMs: 0, exchanges: [{ name: 'x', type: 'direct' }], queues: [{ name: 'q' }] });
    run(
      w,
      { type: 'bind', source: 'x', destination: 'q', routingKey: 'k' },
      { type: 'consume', name: 'me', queue: 'q', prefetch: 2, onMessage: 'manual' },
      { type: 'publish', exchange: 'x', routingKey: 'k', body: 'a' },
      { type: 'publish', exchange: 'x', routingKey: 'k', body: 'b' },
      { type: 'publish', exchange: 'x', routingKey: 'k', body: 'c' },
      { type: 'run-until-idle' },
      { type: 'nack', consumer: 'me', deliveryTag: 2, requeue: true },
      { type: 'ack', consumer: 'me', deliveryTag: 1 },
      { type: 'unbind', source: 'x', destination: 'q', routingKey: 'k' },
      { type: 'publish', exchange: 'x', routingKey: 'k', body: 'd', mandatory: true },
      { type: 'run-until-idle' },
    );
    expect(deliveries(w).me).toEqual(['a', 'b', 'b*', 'c']);
    expect(entries(w, 'message-returned').map((e) => e.body)).toEqual(['d']);
  });

  it('a slowed consumer takes longer per message', () => {
    const w = world({
      networkDelayMs: 0,
      queues: [{ name: 'q' }],
      consumers: [{ name: 'c', queue: 'q', prefetch: 1, processingMs: 10 }],
    });
    run(
      w,
      { type: 'slow-consumer', consumer: 'c', processingMs: 500 },
      { type: 'publish', exchange: '', routingKey: 'q', body: 'x' },
      { type: 'run-until-idle' },
    );
    expect(entries(w, 'message-acked')[0]!.atMs).toBe(500);
  });
});

describe('faults', () => {
  it('a broker crash keeps durable queues with persistent messages and loses the rest; consumers come back', () => {
    const w = world({
      networkDelayMs: 0,
      exchanges: [{ name: 'x', type: 'fanout' }],
      queues: [
        { name: 'durable' },
        { name: 'transient', durable: false },
        { name: 'quorum', arguments: { 'x-queue-type': 'quorum' } },
      ],
      bindings: ['durable', 'transient', 'quorum'].map((destination) => ({ source: 'x', destination })),
      consumers: [{ name: 'c', queue: 'durable', prefetch: 1, onMessage: 'manual' }],
    });
    run(
      w,
      { type: 'publish', exchange: 'x', routingKey: '', body: 'p1', persistent: true },
      { type: 'publish', exchange: 'x', routingKey: '', body: 't2' },
      { type: 'publish', exchange: 'x', routingKey: '', body: 'p3', persistent: true },
      { type: 'run-until-idle' },
      { type: 'crash-broker' },
    );
    expect(applyAmqpCommand(w, { type: 'publish', exchange: 'x', routingKey: '', body: 'z' }).ok).toBe(false);
    run(w, { type: 'restart-broker' });
    expect(dictGet(w.queues, 'transient')).toBeUndefined();
    expect(readyInOrder(dictGet(w.queues, 'quorum')!).map((m) => m.msg.body)).toEqual(['p1', 't2', 'p3']);
    // p1 was delivered and unacked: it survives (persistent) and is redelivered to the reconnected consumer.
    expect(deliveries(w).c).toEqual(['p1', 'p1*']);
    expect(readyInOrder(dictGet(w.queues, 'durable')!).map((m) => m.msg.body)).toEqual(['p3']);
    expect(dictGet(w.exchanges, 'x')!.bindings.map((b) => b.destination)).toEqual(['durable', 'quorum']);
  });

  it('a planted consumer crash returns its messages and the consumer restarts on time', () => {
    const w = world(busy);
    run(w, { type: 'run-until-idle' });
    const crash = entries(w, 'consumer-crashed')[0]!;
    expect([crash.consumer, crash.atMs, crash.returned]).toEqual(['b2', 40, 2]);
    expect(entries(w, 'consumer-started').map((e) => [e.consumer, e.atMs])).toEqual([
      ['b1', 0],
      ['b2', 0],
      ['b2', 140],
    ]);
    expect(entries(w, 'message-dead-lettered').map((e) => [e.body, e.reason, e.from, e.to])).toEqual([
      ['order#3', 'rejected', 'queue:billing', 'exchange:dlx'],
    ]);
    expect(entries(w, 'message-acked')).toHaveLength(7);
  });
});

describe('state', () => {
  it('is plain data: a JSON round trip and a clone run on exactly like the original', () => {
    const a = world(busy);
    run(a, { type: 'advance', untilMs: 33 });
    const b = cloneAmqpWorld(a);
    const c = JSON.parse(JSON.stringify(a)) as typeof a;
    for (const x of [a, b, c]) run(x, { type: 'run-until-idle' });
    expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
    expect(JSON.stringify(c.trace)).toBe(JSON.stringify(a.trace));
  });

  it('the same seed and commands give the same trace; a clone is independent', () => {
    const a = run(world(busy, 7), { type: 'run-until-idle' });
    const b = run(world(busy, 7), { type: 'run-until-idle' });
    expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
    const c = cloneAmqpWorld(a);
    run(c, { type: 'publish', exchange: 'orders', routingKey: 'order.x', body: 'later' }, { type: 'run-until-idle' });
    expect(a.trace.nextId).toBeLessThan(c.trace.nextId);
  });

  it('names like __proto__ and constructor are ordinary names', () => {
    const w = world({
      networkDelayMs: 0,
      exchanges: [{ name: '__proto__', type: 'direct' }],
      queues: [{ name: '__proto__' }, { name: 'constructor' }],
      bindings: [{ source: '__proto__', destination: '__proto__', routingKey: 'toString' }],
      consumers: [{ name: '__proto__', queue: 'constructor', onMessage: 'manual' }],
    });
    run(
      w,
      { type: 'publish', exchange: '__proto__', routingKey: 'toString', body: 'a' },
      { type: 'publish', exchange: '', routingKey: 'constructor', body: 'b' },
      { type: 'run-until-idle' },
    );
    expect(readyInOrder(dictGet(w.queues, '__proto__')!).map((m) => m.msg.body)).toEqual(['a']);
    expect(deliveries(w)['__proto__']).toEqual(['b']);
    expect(applyAmqpCommand(w, { type: 'publish', exchange: 'toString', routingKey: '', body: 'c' }).ok).toBe(false);
    const copy = cloneAmqpWorld(JSON.parse(JSON.stringify(w)) as typeof w);
    expect(Object.getPrototypeOf(copy.queues)).toBeNull();
    expect(dictGet(copy.queues, 'hasOwnProperty')).toBeUndefined();
    expect(Object.keys(copy.queues)).toEqual(['__proto__', 'constructor']);
  });
});

describe('trace', () => {
  it('moving entries say from and to with node ids; every entry has one plain sentence', () => {
    const w = run(world(busy), { type: 'run-until-idle' }, { type: 'crash-broker' }, { type: 'restart-broker' });
    const all = w.trace.entries as AmqpEntry[];
    expect(new Set(all.map((e) => e.type)).size).toBeGreaterThanOrEqual(12);
    for (const e of all) {
      const s = describeAmqpEntry(e);
      expect(s).toMatch(/^[^\n]+\.$/);
      if ('from' in e)
        expect(`${e.from} ${e.to}`).toMatch(/^(exchange|queue|consumer|publisher):.* (exchange|queue|consumer|publisher):/);
    }
    expect(amqpNodeId('queue', 'a:b')).toBe('queue:a:b');
    const d = entries(w, 'message-delivered')[0]!;
    expect([d.correlationId, d.causationId]).toEqual(['m-1', 'm-1']);
  });
});
