/** The AMQP model's queue behaviour: dispatch, prefetch, acks, requeue, dead letters, TTL, limits. */
import { describe, expect, it } from 'vitest';
import { DIFFERENTIAL_SCRIPTS } from './differential-scenarios.ts';
import { runAmqpScriptOnModel } from './script.ts';
import { deliveries, entries, run, world } from './test-kit.ts';
import { dictGet } from './dict.ts';
import { readyInOrder } from './queue-store.ts';

const script = (prefix: string) => runAmqpScriptOnModel(DIFFERENTIAL_SCRIPTS.find((s) => s.name.startsWith(prefix))!);
const bodies = (xs: { body: string; redelivered: boolean }[]) => xs.map((m) => (m.redelivered ? `${m.body}*` : m.body));

describe('competing consumers and prefetch', () => {
  it('round-robins among consumers with room; a full one waits and rejoins at the tail', () => {
    const r = script('competing consumers');
    expect(bodies(r.consumers.fast!)).toEqual(['w1', 'w3', 'w4', 'w6']);
    expect(bodies(r.consumers.slow!)).toEqual(['w2', 'w5']);
  });

  it('consumers with processing times share by speed, and prefetch caps what each holds', () => {
    const w = world({
      networkDelayMs: 1,
      queues: [{ name: 'q' }],
      consumers: [
        { name: 'fast', queue: 'q', prefetch: 1, processingMs: 10 },
        { name: 'slow', queue: 'q', prefetch: 1, processingMs: 100 },
      ],
      publishes: [{ atMs: 0, exchange: '', routingKey: 'q', body: 'm', count: 12 }],
    });
    run(w, { type: 'advance', untilMs: 5 });
    // Both hold exactly one (prefetch 1); the other ten wait in the queue.
    expect(dictGet(w.consumers, 'fast')!.unacked).toHaveLength(1);
    expect(dictGet(w.queues, 'q')!.readyCount).toBe(10);
    run(w, { type: 'run-until-idle' });
    const d = deliveries(w);
    expect(d.fast!.length + d.slow!.length).toBe(12);
    expect(d.slow!.length).toBeLessThan(d.fast!.length);
    expect(entries(w, 'message-acked')).toHaveLength(12);
  });

  it('auto-ack consumers ignore prefetch and hold nothing', () => {
    const w = world({
      queues: [{ name: 'q' }],
      consumers: [{ name: 'c', queue: 'q', prefetch: 1, noAck: true }],
      publishes: [{ atMs: 0, exchange: '', routingKey: 'q', body: 'm', count: 5 }],
    });
    run(w, { type: 'run-until-idle' });
    expect(deliveries(w).c).toHaveLength(5);
    expect(dictGet(w.consumers, 'c')!.unacked).toEqual([]);
    expect(entries(w, 'message-acked')).toEqual([]);
  });
});

describe('nack, reject and dying consumers', () => {
  it('a requeued message goes back to its position and comes back redelivered', () => {
    const r = script('nack with requeue');
    expect(bodies(r.consumers.c!)).toEqual(['n1', 'n2', 'n3', 'n2*', 'n1*', 'n4']);
    expect(bodies(r.queues['dt.rq']!)).toEqual(['n5']);
  });

  it("a dying consumer's unacked messages return at their positions, redelivered", () => {
    const r = script('a consumer that dies');
    expect(bodies(r.consumers.a!)).toEqual(['d1', 'd3']);
    expect(bodies(r.consumers.b!)).toEqual(['d2', 'd1*']);
    expect(bodies(r.queues['dt.dq']!)).toEqual(['d3*', 'd4', 'd5']);
  });

  it('a poison message that crashes its consumer loops forever on a classic queue (bounded here)', () => {
    const w = world({
      queues: [{ name: 'q' }],
      consumers: [
        { name: 'c', queue: 'q', prefetch: 1, processingMs: 5, poison: { bodies: ['bad'], action: 'crash' }, restartAfterMs: 50 },
      ],
      publishes: [{ atMs: 0, exchange: '', routingKey: 'q', body: 'bad' }],
      tasksMaxPerCommand: 60,
    });
    const r = run(w, { type: 'run-until-idle' });
    expect(entries(r, 'consumer-crashed').length).toBeGreaterThan(10);
    expect(deliveries(w).c!.slice(0, 3)).toEqual(['bad', 'bad*', 'bad*']);
  });

  it('the same poison message on a quorum queue with a delivery limit ends in the dead-letter queue', () => {
    const w = world({
      exchanges: [{ name: 'dlx', type: 'fanout' }],
      queues: [
        { name: 'q', arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-dead-letter-exchange': 'dlx' } },
        { name: 'dlq' },
      ],
      bindings: [{ source: 'dlx', destination: 'dlq' }],
      consumers: [
        { name: 'c', queue: 'q', prefetch: 1, processingMs: 5, poison: { bodies: ['bad'], action: 'crash' }, restartAfterMs: 50 },
      ],
      publishes: [
        { atMs: 0, exchange: '', routingKey: 'q', body: 'bad' },
        { atMs: 0, exchange: '', routingKey: 'q', body: 'good' },
      ],
    });
    run(w, { type: 'run-until-idle' });
    expect(deliveries(w).c).toEqual(['bad', 'bad*', 'bad*', 'good']);
    const dl = entries(w, 'message-dead-lettered');
    expect(dl.map((e) => [e.body, e.reason])).toEqual([['bad', 'delivery_limit']]);
    expect(readyInOrder(dictGet(w.queues, 'dlq')!).map((m) => m.msg.body)).toEqual(['bad']);
  });
});

describe('dead letters', () => {
  it('writes x-death as RabbitMQ does: fields, first-death headers, original-expiration, dead-letter routing key', () => {
    const r = script('rejected messages');
    const [j1, j2] = r.queues['dt.dlq']!;
    expect(j1).toEqual({
      body: 'j1',
      redelivered: false,
      deaths: [
        { count: 1, reason: 'rejected', queue: 'dt.jobs', exchange: 'dt.in', routingKeys: ['job'], originalExpiration: '60000' },
      ],
      firstDeath: { reason: 'rejected', queue: 'dt.jobs', exchange: 'dt.in' },
    });
    expect(j2!.deaths![0]!.originalExpiration).toBeUndefined();
    // With x-dead-letter-routing-key the copy is routed by that key (here via the default exchange).
    expect(r.queues['dt.parked']!.map((m) => m.body)).toEqual(['j1']);
  });

  it('counts repeated deaths per (queue, reason), newest first, keeping the first death', () => {
    const r = script('a message dead-lettered twice');
    const third = r.consumers.c![2]!;
    expect(third.deaths!.map((d) => [d.queue, d.reason, d.count])).toEqual([
      ['dt.wait', 'expired', 2],
      ['dt.main', 'rejected', 2],
    ]);
    expect(third.firstDeath).toEqual({ reason: 'rejected', queue: 'dt.main', exchange: '' });
  });

  it('the raw x-death entry carries time in (virtual) seconds, and the expiration property is removed', () => {
    const w = world({
      exchanges: [{ name: 'dlx', type: 'fanout' }],
      queues: [{ name: 'q', arguments: { 'x-message-ttl': 2500, 'x-dead-letter-exchange': 'dlx' } }, { name: 'dlq' }],
      bindings: [{ source: 'dlx', destination: 'dlq' }],
      publishes: [{ atMs: 1000, exchange: '', routingKey: 'q', body: 'x', expirationMs: 9000 }],
    });
    run(w, { type: 'run-until-idle' });
    const [copy] = readyInOrder(dictGet(w.queues, 'dlq')!);
    expect(copy!.msg.expirationMs).toBeNull();
    expect(JSON.parse(JSON.stringify(copy!.msg.headers))).toEqual({
      'x-death': [
        { count: 1, reason: 'expired', queue: 'q', time: 3, exchange: '', 'routing-keys': ['q'], 'original-expiration': '9000' },
      ],
      'x-first-death-reason': 'expired',
      'x-first-death-queue': 'q',
      'x-first-death-exchange': '',
    });
  });

  it('drops a message that would cycle back automatically (expired into its own queue)', () => {
    const w = world({
      exchanges: [{ name: 'back', type: 'fanout' }],
      queues: [{ name: 'q', arguments: { 'x-message-ttl': 10, 'x-dead-letter-exchange': 'back' } }],
      bindings: [{ source: 'back', destination: 'q' }],
      publishes: [{ atMs: 0, exchange: '', routingKey: 'q', body: 'loop' }],
    });
    run(w, { type: 'run-until-idle' });
    expect(entries(w, 'message-dropped').map((e) => e.reason)).toEqual(['dead-letter-cycle']);
    expect(dictGet(w.queues, 'q')!.readyCount).toBe(0);
  });

  it('without a dead-letter exchange a rejected message is simply gone', () => {
    const w = world({
      queues: [{ name: 'q' }],
      consumers: [{ name: 'c', queue: 'q', onMessage: 'reject' }],
      publishes: [{ atMs: 0, exchange: '', routingKey: 'q', body: 'x' }],
    });
    run(w, { type: 'run-until-idle' });
    expect(entries(w, 'message-dropped').map((e) => e.reason)).toEqual(['rejected']);
  });
});

describe('TTL, length limits and priorities', () => {
  it('expires only at the head: a long-lived message shields a short-lived one behind it', () => {
    const r = script('queue TTL and per-message TTL');
    expect(bodies(r.consumers.late!)).toEqual(['long']);
    expect(r.queues['dt.expired']!.map((m) => [m.body, m.deaths![0]!.reason, m.deaths![0]!.originalExpiration])).toEqual([
      ['t1', 'expired', undefined],
      ['t2', 'expired', '30000'],
      ['short', 'expired', '50'],
    ]);
  });

  it('a message with TTL 0 reaches a consumer with room, and expires if none has room', () => {
    const w = world({ networkDelayMs: 0, queues: [{ name: 'q', arguments: { 'x-message-ttl': 0 } }] });
    run(w, { type: 'consume', name: 'c', queue: 'q', prefetch: 1, onMessage: 'manual' });
    run(
      w,
      { type: 'publish', exchange: '', routingKey: 'q', body: 'first' },
      { type: 'publish', exchange: '', routingKey: 'q', body: 'second' },
    );
    run(w, { type: 'advance', untilMs: 0 });
    expect(deliveries(w).c).toEqual(['first']);
    expect(entries(w, 'message-expired').map((e) => e.body)).toEqual(['second']);
  });

  it('x-max-length drops from the head (dead-lettered as maxlen); reject-publish nacks the publisher instead', () => {
    const r = script('x-max-length');
    expect(bodies(r.queues['dt.short']!)).toEqual(['s3', 's4']);
    expect(r.queues['dt.dropped']!.map((m) => [m.body, m.deaths![0]!.reason])).toEqual([
      ['s1', 'maxlen'],
      ['s2', 'maxlen'],
    ]);
    const w = world({
      queues: [{ name: 'q', arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } }],
      publishers: [{ name: 'p', confirms: true }],
      publishes: [{ atMs: 0, publisher: 'p', exchange: '', routingKey: 'q', body: 'm', count: 2 }],
    });
    run(w, { type: 'run-until-idle' });
    expect(entries(w, 'message-confirmed').map((e) => [e.body, e.ack])).toEqual([
      ['m#1', true],
      ['m#2', false],
    ]);
  });

  it('serves the highest priority first, FIFO within a priority, capping at x-max-priority', () => {
    const r = script('x-max-length');
    expect(bodies(r.queues['dt.prio']!)).toEqual(['p5', 'p9', 'p3', 'p0', 'p0b']);
  });
});

describe('publishing', () => {
  it('returns unroutable mandatory messages (NO_ROUTE) before confirming them', () => {
    const w = world({
      exchanges: [{ name: 'x', type: 'direct' }],
      publishers: [{ name: 'p', confirms: true }],
      publishes: [{ atMs: 0, publisher: 'p', exchange: 'x', routingKey: 'nowhere', body: 'lost', mandatory: true }],
    });
    run(w, { type: 'run-until-idle' });
    const kinds = (w.trace.entries as { type: string }[]).map((e) => e.type).filter((t) => t.startsWith('message-'));
    expect(kinds).toEqual(['message-published', 'message-unroutable', 'message-returned', 'message-confirmed']);
    const ret = entries(w, 'message-returned')[0]!;
    expect([ret.replyCode, ret.replyText, ret.from, ret.to]).toEqual([312, 'NO_ROUTE', 'exchange:x', 'publisher:p']);
  });

  it('routes through exchange-to-exchange bindings and falls back to the alternate exchange', () => {
    const r = script('exchange-to-exchange');
    expect(bodies(r.queues['dt.orders']!)).toEqual(['e1', 'e3']);
    expect(bodies(r.queues['dt.lost']!)).toEqual(['e2']);
  });
});
