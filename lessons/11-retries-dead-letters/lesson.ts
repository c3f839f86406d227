/**
 * L11 · Retries, backoff and dead letters: a poison record blocks its partition while blocking
 * retries back off exponentially and lag grows on that partition only; after the last attempt it
 * goes to the dead-letter topic with headers saying why, and the partition flows again; after the
 * fix it is replayed from there. Then non-blocking retry topics keep the partition flowing, at the
 * cost of order: a later record of the same key takes effect first. Prose in content.md.
 */
import type { KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaAppRead as app, kafkaNode as n, kafkaRead as read, kafkaSummary } from '../../simulator/index.ts';
import content from './content.md?raw';

type OnError = NonNullable<NonNullable<NonNullable<KafkaScenario['groups']>[number]['handler']>['onError']>;
type FailWhen = Extract<
  NonNullable<NonNullable<KafkaScenario['groups']>[number]['handler']>['steps'][number],
  { type: 'fail' }
>['when'];

const error = 'InvalidTotal: total is "12,50"';

/** billing stores each order (a `set` by key) after a check that throws on the poison record. */
const scenario = (onError: OnError, when: FailWhen, name: string): KafkaScenario => ({
  version: 1,
  name,
  brokers: [{ id: 1 }],
  topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }],
  producers: [
    {
      id: 'shop',
      topic: 'orders',
      ratePerSec: 10,
      keys: { type: 'uniform', keys: 50, prefix: 'order-' },
      eventType: 'OrderPlaced',
    },
  ],
  groups: [
    {
      id: 'billing',
      topics: ['orders'],
      consumers: 1,
      processingMs: 20,
      commit: { type: 'after-record' },
      autoOffsetReset: 'earliest',
      handler: {
        steps: [
          { type: 'fail', when, error },
          { type: 'store', op: 'set' },
        ],
        onError,
      },
    },
  ],
  trace: { mode: 'full' },
});

const blocking = scenario(
  { type: 'blocking', maxAttempts: 5, backoffMs: 1_000, multiplier: 2, deadLetter: true },
  { type: 'key', key: 'order-100' },
  'blocking retries',
);
const retryTopics = scenario(
  { type: 'retry-topics', delaysMs: [2_000, 4_000], deadLetter: true },
  { type: 'record', partition: 1, offset: 0 },
  'retry topics',
);

const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const order100 = (type: string, extra: Record<string, string>): KafkaCommand => ({
  type: 'produce',
  producer: 'shop',
  topic: 'orders',
  key: 'order-100',
  value: { type, orderId: 'order-100', ...extra },
});
const fixAndReplay: KafkaCommand[] = [
  { type: 'fix-handler', group: 'billing' },
  { type: 'replay-dead-letters', group: 'billing', topic: 'orders' },
];

const lagOn = (s: KafkaState, partition: number): number => read.partitionLagOf(s, 'billing', 'orders', partition);
const at = (s: KafkaState): number => s.nowMs / 1000;
const dltDepth = (s: KafkaState): number =>
  kafkaSummary(s)
    .partitions.filter((p) => p.topic === 'orders-dlt')
    .reduce((sum, p) => sum + p.logEndOffset, 0);
const dltHeader = (s: KafkaState, name: string): string => app.headersIn(s, 'orders-dlt')[0]?.[name] ?? '';
const stored = (s: KafkaState): string => {
  const v = app.storeValue(s, 'billing', 'order-100');
  return v === '' ? 'nothing' : ((JSON.parse(v) as { type?: string }).type ?? v);
};
/** When the n-th failure of order-100 happened (ms), from the trace. */
const failedAtMs = (s: KafkaState, n: number): number =>
  s.trace.entries.filter((x) => x.type === 'record-handler-failed')[n - 1]?.atMs ?? -1;
/** The same, in seconds to one decimal, as the prose reads it. */
const failedAt = (s: KafkaState, n: number): number => Math.round(failedAtMs(s, n) / 100) / 10;
/** The wait between failures n−1 and n, in whole seconds (fetching again adds a few ms). */
const waitBefore = (s: KafkaState, n: number): number => Math.round((failedAtMs(s, n) - failedAtMs(s, n - 1)) / 1000);

export const lesson = defineLesson({
  id: 'L11',
  title: 'Retries, backoff, dead letters',
  minutes: 14,
  model: 'kafka',
  scenario: blocking,
  content,
  steps: [
    {
      id: 'flowing',
      title: 'Everything flows',
      commands: [advance(10_000)],
      highlight: [n.producer('shop'), n.topic('orders'), n.group('billing')],
      claims: [
        { id: 'partitions', text: 'its 2 partitions', value: (s) => read.partitionCount(s, 'orders'), expected: 2 },
        { id: 'rate', text: 'about 10 orders a second', value: (s) => Math.round(read.produced(s) / at(s)), expected: 10 },
        { id: 'time', text: 'After 10 seconds', value: at, expected: 10 },
        { id: 'lag', text: 'the lag is 0 on both partitions', value: (s) => lagOn(s, 0) + lagOn(s, 1), expected: 0 },
      ],
    },
    {
      id: 'poison',
      title: 'A poison record blocks its partition',
      commands: [order100('OrderPlaced', { total: '12,50' }), advance(20_000)],
      highlight: [n.topic('orders'), n.group('billing'), n.consumer('billing-c1')],
      claims: [
        { id: 'partition', text: 'lands on partition 1', value: () => read.partitionOfKey('order-100', 2), expected: 1 },
        { id: 'attempts', text: 'it has failed 4 times', value: (s) => app.failures(s, 'billing'), expected: 4 },
        { id: 'w1', text: 'waits 1 second', value: (s) => waitBefore(s, 2), expected: 1 },
        { id: 'w2', text: 'then 2', value: (s) => waitBefore(s, 3), expected: 2 },
        { id: 'w3', text: 'then 4', value: (s) => waitBefore(s, 4), expected: 4 },
        { id: 'time', text: 'At 20 seconds', value: at, expected: 20 },
        { id: 'lag1', text: 'the lag on partition 1 is 53', value: (s) => lagOn(s, 1), expected: 53 },
        { id: 'lag0', text: 'on partition 0 it is 0', value: (s) => lagOn(s, 0), expected: 0 },
      ],
    },
    {
      id: 'dead-letter',
      title: 'After the last attempt: the dead-letter topic',
      commands: [advance(30_000)],
      highlight: [n.producer('billing-app'), n.topic('orders'), n.topic('orders-dlt'), n.group('billing')],
      claims: [
        { id: 'wait', text: 'The next wait is 8 seconds', value: (s) => waitBefore(s, 5), expected: 8 },
        { id: 'fifth', text: 'the fifth attempt', value: (s) => app.failures(s, 'billing'), expected: 5 },
        { id: 'dlt', text: 'orders-dlt now holds 1 record', value: dltDepth, expected: 1 },
        { id: 'h-offset', text: 'original-offset 64', value: (s) => dltHeader(s, 'original-offset'), expected: '64' },
        { id: 'h-partition', text: 'original-partition 1', value: (s) => dltHeader(s, 'original-partition'), expected: '1' },
        { id: 'h-attempts', text: 'attempts 5', value: (s) => dltHeader(s, 'attempts'), expected: '5' },
        {
          id: 'h-error',
          text: 'exception-message InvalidTotal',
          value: (s) => dltHeader(s, 'exception-message').startsWith('InvalidTotal'),
          expected: true,
        },
        { id: 'time', text: 'At 30 seconds', value: at, expected: 30 },
        { id: 'lag', text: 'the lag on partition 1 is back to 0', value: (s) => lagOn(s, 1), expected: 0 },
        { id: 'nothing', text: 'billing has stored nothing for order-100', value: stored, expected: 'nothing' },
      ],
    },
    {
      id: 'replay',
      title: 'Fix, then replay the dead letter',
      commands: [...fixAndReplay, advance(35_000)],
      highlight: [n.producer('billing-app'), n.topic('orders-dlt'), n.topic('orders'), n.group('billing')],
      claims: [
        { id: 'stored', text: 'billing stores order-100 as OrderPlaced', value: stored, expected: 'OrderPlaced' },
        { id: 'failures', text: 'no new failure: still 5', value: (s) => app.failures(s, 'billing'), expected: 5 },
        { id: 'dlt', text: 'orders-dlt still holds 1 record', value: dltDepth, expected: 1 },
      ],
    },
    {
      id: 'retry-topics',
      title: 'Retry topics: the partition keeps flowing',
      scenario: retryTopics,
      commands: [order100('OrderPlaced', { total: '12,50' }), advance(1_000), order100('OrderCancelled', {}), advance(10_000)],
      highlight: [
        n.topic('orders'),
        n.topic('orders-retry-2s'),
        n.topic('orders-retry-4s'),
        n.topic('orders-dlt'),
        n.group('billing'),
      ],
      claims: [
        {
          id: 'later',
          text: '1 second later',
          value: (s) => {
            const made = s.trace.entries.filter((e) => e.type === 'record-produced' && e.key === 'order-100');
            return ((made[1]?.atMs ?? 0) - (made[0]?.atMs ?? 0)) / 1000;
          },
          expected: 1,
        },
        { id: 'first', text: 'fails at 3.2 seconds', value: (s) => failedAt(s, 1), expected: 3.2 },
        { id: 'second', text: 'again at 5.2 seconds', value: (s) => failedAt(s, 2), expected: 5.2 },
        { id: 'third', text: 'a third time at 9.3 seconds', value: (s) => failedAt(s, 3), expected: 9.3 },
        { id: 'retried', text: 'sent to retry topics 2 times', value: (s) => app.sentToRetryTopics(s, 'billing'), expected: 2 },
        { id: 'dlt', text: 'orders-dlt holds 1 record', value: dltDepth, expected: 1 },
        { id: 'lag', text: 'the lag on partition 1 is 0', value: (s) => lagOn(s, 1), expected: 0 },
        { id: 'stored', text: 'billing stores order-100 as OrderCancelled', value: stored, expected: 'OrderCancelled' },
      ],
    },
    {
      id: 'out-of-order',
      title: 'Replaying it now puts the order in the wrong state',
      commands: [...fixAndReplay, advance(20_000)],
      highlight: [n.producer('billing-app'), n.topic('orders'), n.group('billing')],
      claims: [
        { id: 'stored', text: 'billing now stores order-100 as OrderPlaced', value: stored, expected: 'OrderPlaced' },
        { id: 'overtaken', text: 'orders-1@0 was overtaken', value: (s) => app.overtaken(s, 'billing'), expected: 'orders-1@0' },
      ],
    },
  ],
  predict: { stepId: 'retry-topics', answer: 'b' },
  challenge: {
    solution: {
      commands: [order100('OrderCancelled', {}), advance(22_000)],
      claims: [
        { id: 'stored', text: 'billing stores order-100 as OrderCancelled again', value: stored, expected: 'OrderCancelled' },
        { id: 'time', text: 'by 22 seconds', value: at, expected: 22 },
      ],
    },
    controls: ['produce'],
    goals: [
      {
        id: 'written',
        text: 'the shop wrote a new event for order-100',
        pass: (s) =>
          s.trace.entries.filter((e) => e.type === 'record-produced' && e.producer === 'shop' && e.key === 'order-100').length >
          2,
      },
      { id: 'cancelled', text: 'billing stores order-100 as OrderCancelled', pass: (s) => stored(s) === 'OrderCancelled' },
    ],
  },
});
