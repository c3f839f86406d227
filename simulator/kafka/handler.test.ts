/**
 * Consumer handlers: what the application does with a record, and how the commit policy decides
 * whether a crash repeats or loses its effects (counted by the handler's own counters, not by the
 * consumer's); blocking retries that stall one partition; retry topics and the dead-letter topic
 * with its headers; replay after a fix, and the ordering it costs.
 */
import { describe, expect, it } from 'vitest';
import { kafkaAppRead as R } from './app-reads.ts';
import { partitionForKey } from './partitioner/index.ts';
import type { CommitPolicy, ErrorPolicy, HandlerStep } from './scenario/types.ts';
import { loadScenario } from './scenario/loader.ts';
import { baseScenario, world } from './test-kit.ts';

const SMS: HandlerStep[] = [
  { type: 'store', op: 'increment', key: 'sms-total' },
  { type: 'side-effect', name: 'send-sms' },
];

function smsWorld(commit: CommitPolicy, steps = SMS, onError?: ErrorPolicy, partitions = 2) {
  return world(
    baseScenario({
      topics: [{ name: 'orders', partitions, replicationFactor: 1 }],
      groups: [
        {
          id: 'sms',
          topics: ['orders'],
          consumers: 1,
          consumerIds: ['sms-c1'],
          processingMs: 10,
          autoOffsetReset: 'earliest',
          commit,
          handler: { steps, ...(onError === undefined ? {} : { onError }) },
        },
      ],
    }),
  );
}

/** 20 records, a crash in the middle of the first batch, a restart, and the run to its end. */
function crashMidBatch(commit: CommitPolicy) {
  const w = smsWorld(commit);
  for (let i = 0; i < 20; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}`, value: { i } });
  w.advance(3100);
  const before = R.calls(w.s, 'sms', 'send-sms');
  w.run({ type: 'crash-consumer', consumer: 'sms-c1' });
  w.run({ type: 'restart-consumer', consumer: 'sms-c1' });
  w.idle();
  return { w, before };
}

describe('consumer handlers and commit policies', () => {
  it('after-process: a crash mid-batch sends some SMS twice and loses none (at-least-once)', () => {
    const { w, before } = crashMidBatch({ type: 'after-process' });
    expect(before).toBeGreaterThan(0);
    expect(R.losses(w.s, 'sms')).toBe(0);
    expect(R.duplicates(w.s, 'sms')).toBeGreaterThan(0);
    expect(R.calls(w.s, 'sms', 'send-sms')).toBe(20 + R.duplicates(w.s, 'sms'));
    // The store is the service's database: it counted every repeated increment too.
    expect(R.storeValue(w.s, 'sms', 'sms-total')).toBe(String(R.calls(w.s, 'sms', 'send-sms')));
  });

  it('before-process: the same crash sends no SMS twice but loses some (at-most-once)', () => {
    const { w } = crashMidBatch({ type: 'before-process' });
    expect(R.duplicates(w.s, 'sms')).toBe(0);
    expect(R.losses(w.s, 'sms')).toBeGreaterThan(0);
    expect(R.calls(w.s, 'sms', 'send-sms')).toBe(20 - R.losses(w.s, 'sms'));
  });

  it('after-record: a commit per record leaves nothing to repeat at a crash between records', () => {
    const { w } = crashMidBatch({ type: 'after-record' });
    expect(R.duplicates(w.s, 'sms')).toBe(0);
    expect(R.losses(w.s, 'sms')).toBe(0);
    expect(w.entries('offset-committed').length).toBeGreaterThanOrEqual(20);
  });

  it('a set step stores the record value and a produce step writes to another topic', () => {
    const w = world(
      baseScenario({
        topics: [
          { name: 'orders', partitions: 1, replicationFactor: 1 },
          { name: 'shipments', partitions: 1, replicationFactor: 1 },
        ],
        groups: [
          {
            id: 'ship',
            topics: ['orders'],
            consumers: 1,
            autoOffsetReset: 'earliest',
            handler: {
              steps: [
                { type: 'store', op: 'set' },
                { type: 'produce', topic: 'shipments' },
              ],
            },
          },
        ],
      }),
    );
    w.run({ type: 'produce', topic: 'orders', key: 'o-1', value: { qty: 2 } });
    w.idle();
    expect(R.storeValue(w.s, 'ship', 'o-1')).toBe('{"qty":2}');
    expect(w.summary().partitions.find((p) => p.topic === 'shipments')?.logEndOffset).toBe(1);
    expect(w.entries('record-produced').at(-1)?.producer).toBe('ship-app');
  });

  it('refuses a handler that produces into the topic it reads, naming the step', () => {
    const r = loadScenario(
      baseScenario({
        groups: [{ id: 'loop', topics: ['orders'], consumers: 1, handler: { steps: [{ type: 'produce', topic: 'orders' }] } }],
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).toContain('would never end');
  });
});

describe('retries and dead letters', () => {
  const poisonKey = 'poison';
  const poisonPart = partitionForKey(poisonKey, 2);
  const poison: HandlerStep[] = [...SMS, { type: 'fail', when: { type: 'key', key: poisonKey }, error: 'cannot parse' }];

  it('blocking retries stall the poison partition with growing lag while the other flows, then dead-letter it', () => {
    const blocking: ErrorPolicy = { type: 'blocking', maxAttempts: 4, backoffMs: 1000, multiplier: 2, deadLetter: true };
    const w = smsWorld({ type: 'after-record' }, poison, blocking);
    // A good record first, so that the partition has a committed offset and its lag is known.
    w.run({ type: 'produce', topic: 'orders', key: 'first', partition: poisonPart });
    w.run({ type: 'produce', topic: 'orders', key: poisonKey, value: { bad: true } });
    w.advance(3200);
    for (let i = 0; i < 30; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}`, value: { i } });
    w.advance(4000);
    const g = w.summary().groups.find((x) => x.group === 'sms')!;
    const lag = (p: number) => g.partitions.find((x) => x.topic === 'orders' && x.partition === p)!.lag;
    expect(lag(poisonPart)).toBeGreaterThan(0);
    expect(lag(1 - poisonPart)).toBe(0);
    w.idle();
    // 1 s, then 2 s, then 4 s: exponential backoff; the fourth attempt gives up.
    expect(w.entries('record-handler-failed').map((e) => e.action)).toEqual([
      'retry-in-place',
      'retry-in-place',
      'retry-in-place',
      'dead-letter',
    ]);
    expect(w.entries('record-handler-failed').map((e) => (e.retryAtMs === null ? null : e.retryAtMs - e.atMs))).toEqual([
      1000,
      2000,
      4000,
      null,
    ]);
    expect(R.deadLettered(w.s, 'sms')).toBe(1);
    const [h] = R.headersIn(w.s, 'orders-dlt');
    expect(h).toEqual({
      'original-topic': 'orders',
      'original-partition': String(poisonPart),
      'original-offset': '1',
      'exception-message': 'cannot parse',
      attempts: '4',
    });
    // Every failed attempt had already sent its SMS: the steps before a failure happen each time.
    expect(R.calls(w.s, 'sms', 'send-sms')).toBe(31 + 4);
    const after = w.summary().groups.find((x) => x.group === 'sms')!;
    expect(after.partitions.find((x) => x.topic === 'orders' && x.partition === poisonPart)!.lag).toBe(0);
  });

  it('retry topics move on at once; the retried record is overtaken; replay after a fix gives it its effect', () => {
    const topics: ErrorPolicy = { type: 'retry-topics', delaysMs: [1000, 10_000], deadLetter: true };
    const steps: HandlerStep[] = [
      { type: 'fail', when: { type: 'record', partition: 0, offset: 0 }, error: 'timeout' },
      { type: 'store', op: 'set', key: 'last-status' },
    ];
    const w = smsWorld({ type: 'after-record' }, steps, topics, 1);
    w.run({ type: 'produce', topic: 'orders', key: 'o-1', value: { status: 'placed' } });
    w.run({ type: 'produce', topic: 'orders', key: 'o-1', value: { status: 'paid' } });
    w.idle();
    expect(w.entries('record-handler-failed').map((e) => `${e.action}:${e.toTopic}`)).toEqual([
      'retry-topic:orders-retry-1s',
      'retry-topic:orders-retry-10s',
      'dead-letter:orders-dlt',
    ]);
    // The paid record took effect while the placed one waited in the retry topics.
    expect(R.storeValue(w.s, 'sms', 'last-status')).toBe('{"status":"paid"}');
    expect(R.losses(w.s, 'sms')).toBe(1);
    w.run({ type: 'fix-handler', group: 'sms' });
    w.run({ type: 'replay-dead-letters', group: 'sms', topic: 'orders' });
    w.idle();
    expect(R.losses(w.s, 'sms')).toBe(0);
    expect(R.effectsOf(w.s, 'sms', 'orders-0@0')).toBe(1);
    // The ordering cost: the older status now overwrites the newer one.
    expect(R.overtaken(w.s, 'sms')).toBe('orders-0@0');
    expect(R.storeValue(w.s, 'sms', 'last-status')).toBe('{"status":"placed"}');
  });

  it('skip without a dead-letter topic drops the record: its effect never happens', () => {
    const w = smsWorld({ type: 'after-process' }, poison, { type: 'skip' });
    w.run({ type: 'produce', topic: 'orders', key: poisonKey });
    w.run({ type: 'produce', topic: 'orders', key: 'fine' });
    w.idle();
    expect(R.dropped(w.s, 'sms')).toBe(1);
    expect(R.losses(w.s, 'sms')).toBe(1);
  });
});
