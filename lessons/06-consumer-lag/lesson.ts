/**
 * L06 · Consumer lag: a group keeps up; its consumer slows and lag climbs on every partition;
 * scaling out drains it; a hot key keeps one partition lagging whatever the group size. Prose in
 * content.md.
 */
import type { KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaNode as n, kafkaRead as read } from '../../simulator/index.ts';
import content from './content.md?raw';

const base = (producer: NonNullable<KafkaScenario['producers']>[number], consumers: number): KafkaScenario => ({
  version: 1,
  name: 'consumer lag',
  brokers: [{ id: 1 }],
  topics: [{ name: 'orders', partitions: 4, replicationFactor: 1 }],
  producers: [producer],
  groups: [{ id: 'billing', topics: ['orders'], consumers, processingMs: 20, commit: { type: 'after-process' } }],
  trace: { mode: 'summary', keepLast: 500 },
});

const even = base({ id: 'shop', topic: 'orders', ratePerSec: 40, keys: { type: 'uniform', keys: 100, prefix: 'order-' } }, 1);
const hot = base(
  {
    id: 'shop',
    topic: 'orders',
    ratePerSec: 120,
    keys: { type: 'hot', hotKey: 'customer-big', hotPerMille: 500, keys: 100, prefix: 'customer-' },
  },
  4,
);

const lag = (s: KafkaState): number => read.groupLag(s, 'billing');
const at = (s: KafkaState): number => read.nowSeconds(s);
const written = (s: KafkaState, p: number): number => read.logEnd(s, 'orders', p);
const totalWritten = (s: KafkaState): number => [0, 1, 2, 3].reduce((sum, p) => sum + written(s, p), 0);
const perSecond = (s: KafkaState, records: number): number => Math.round(records / at(s));
const capacity = (s: KafkaState, consumer: string): number => 1000 / read.processingMs(s, consumer);
const laggingCount = (s: KafkaState): number =>
  read
    .laggingPartitions(s, 'billing', 0)
    .split(', ')
    .filter((x) => x !== '').length;
const advance = (untilMs: number) => ({ type: 'advance', untilMs }) as const;

export const lesson = defineLesson({
  id: 'L06',
  title: 'Consumer lag',
  minutes: 12,
  model: 'kafka',
  scenario: even,
  content,
  steps: [
    {
      id: 'keeping-up',
      title: 'One consumer keeps up',
      commands: [advance(10_000)],
      highlight: [n.producer('shop'), n.topic('orders'), n.group('billing'), n.consumer('billing-c1')],
      claims: [
        { id: 'partitions', text: 'which has 4 partitions', value: (s) => read.partitionCount(s, 'orders'), expected: 4 },
        {
          id: 'owns-all',
          text: 'orders-0, orders-1, orders-2, orders-3',
          value: (s) => read.owned(s, 'billing', 'billing-c1'),
          expected: 'orders-0, orders-1, orders-2, orders-3',
        },
        {
          id: 'ms',
          text: 'Each record takes the consumer 20 ms',
          value: (s) => read.processingMs(s, 'billing-c1'),
          expected: 20,
        },
        { id: 'capacity', text: 'it could handle 50 a second', value: (s) => capacity(s, 'billing-c1'), expected: 50 },
        { id: 'rate', text: 'writes about 40 a second', value: (s) => perSecond(s, totalWritten(s)), expected: 40 },
        { id: 'time', text: 'After 10 seconds', value: at, expected: 10 },
        { id: 'lag', text: 'the lag is 0 on every partition', value: lag, expected: 0 },
      ],
    },
    {
      id: 'slow-consumer',
      title: 'Slow the consumer: lag climbs',
      commands: [{ type: 'slow-consumer', consumer: 'billing-c1', processingMs: 50 }, advance(20_000)],
      highlight: [n.consumer('billing-c1'), n.topic('orders')],
      claims: [
        { id: 'ms', text: 'Each record now takes 50 ms', value: (s) => read.processingMs(s, 'billing-c1'), expected: 50 },
        { id: 'capacity', text: 'can handle only 20 a second', value: (s) => capacity(s, 'billing-c1'), expected: 20 },
        { id: 'rate', text: 'while 40 keep arriving', value: (s) => perSecond(s, totalWritten(s)), expected: 40 },
        { id: 'time', text: 'At 20 seconds', value: at, expected: 20 },
        { id: 'lag', text: "the group's lag is 201", value: lag, expected: 201 },
        { id: 'spread', text: 'spread over all 4 partitions', value: laggingCount, expected: 4 },
      ],
    },
    {
      id: 'still-climbing',
      title: 'Too slow means further behind every second',
      commands: [advance(30_000)],
      highlight: [n.topic('orders'), n.group('billing')],
      claims: [
        { id: 'another', text: 'Let another 10 seconds pass', value: (s) => at(s) - 20, expected: 10 },
        { id: 'lag', text: 'at 30 seconds the lag is 401', value: lag, expected: 401 },
      ],
    },
    {
      id: 'scale-out',
      title: 'Scale the group out',
      commands: [
        { type: 'add-consumer', group: 'billing' },
        { type: 'add-consumer', group: 'billing' },
        { type: 'add-consumer', group: 'billing' },
        advance(40_000),
      ],
      highlight: [n.group('billing'), n.consumer('billing-c2'), n.consumer('billing-c3'), n.consumer('billing-c4')],
      claims: [
        { id: 'added', text: 'Add 3 more consumers', value: (s) => read.members(s, 'billing') - 1, expected: 3 },
        { id: 'members', text: 'with 4 consumers and 4 partitions', value: (s) => read.members(s, 'billing'), expected: 4 },
        {
          id: 'one-each',
          text: 'each consumer owns 1',
          value: (s) =>
            ['billing-c1', 'billing-c2', 'billing-c3', 'billing-c4']
              .map((c) => read.owned(s, 'billing', c).split(', ').length)
              .join(' '),
          expected: '1 1 1 1',
        },
        {
          id: 'keeps-0',
          text: 'the slow billing-c1 keeps orders-0',
          value: (s) => read.owned(s, 'billing', 'billing-c1'),
          expected: 'orders-0',
        },
        { id: 'time', text: 'at 40 seconds', value: at, expected: 40 },
        { id: 'where', text: 'on partition 0 alone', value: (s) => read.laggingPartitions(s, 'billing', 0), expected: '0' },
        { id: 'lag', text: 'it is 188', value: lag, expected: 188 },
        { id: 'share', text: 'about 10 a second', value: (s) => perSecond(s, written(s, 0)), expected: 10 },
        { id: 'capacity', text: 'which its 20 a second can beat', value: (s) => capacity(s, 'billing-c1'), expected: 20 },
      ],
    },
    {
      id: 'drained',
      title: 'The backlog drains',
      commands: [advance(60_000)],
      highlight: [n.topic('orders'), n.group('billing')],
      claims: [
        { id: 'time', text: 'At 60 seconds', value: at, expected: 60 },
        { id: 'lag', text: 'the lag is down to 1', value: lag, expected: 1 },
      ],
    },
    {
      id: 'hot-key',
      title: 'A hot key',
      scenario: hot,
      commands: [advance(20_000)],
      highlight: [n.producer('shop'), n.topic('orders'), n.consumer('billing-c4')],
      claims: [
        { id: 'rate', text: 'It writes 120 orders a second', value: (s) => perSecond(s, totalWritten(s)), expected: 120 },
        {
          id: 'partition',
          text: 'every one of those records goes to partition 3',
          value: () => read.partitionOfKey('customer-big', 4),
          expected: 3,
        },
        { id: 'members', text: 'Four consumers', value: (s) => read.members(s, 'billing'), expected: 4 },
        { id: 'capacity', text: 'each handling up to 50 a second', value: (s) => capacity(s, 'billing-c1'), expected: 50 },
        { id: 'partitions', text: 'share the 4 partitions', value: (s) => read.partitionCount(s, 'orders'), expected: 4 },
        { id: 'time', text: 'At 20 seconds', value: at, expected: 20 },
        { id: 'lag', text: 'the lag is 470', value: lag, expected: 470 },
        { id: 'hot-lag', text: '469 of it is on partition 3', value: (s) => read.partitionLag(s, 'billing', 3), expected: 469 },
        {
          id: 'others',
          text: 'The other partitions get fewer than 20',
          value: (s) => Math.max(...[0, 1, 2].map((p) => written(s, p) / at(s))) < 20,
          expected: true,
        },
      ],
    },
    {
      id: 'scale-hot',
      title: 'More consumers do not help a hot partition',
      commands: [
        { type: 'add-consumer', group: 'billing' },
        { type: 'add-consumer', group: 'billing' },
        { type: 'add-consumer', group: 'billing' },
        { type: 'add-consumer', group: 'billing' },
        advance(40_000),
      ],
      highlight: [n.group('billing'), n.consumer('billing-c4')],
      claims: [
        { id: 'added', text: 'add 4 consumers', value: (s) => read.members(s, 'billing') - 4, expected: 4 },
        { id: 'members', text: 'for 8 in all', value: (s) => read.members(s, 'billing'), expected: 8 },
        { id: 'idle', text: 'the 4 new ones find no partition', value: (s) => read.idleMembers(s, 'billing'), expected: 4 },
        { id: 'time', text: 'At 40 seconds', value: at, expected: 40 },
        {
          id: 'hot-lag',
          text: 'the lag on partition 3 is 1,337',
          value: (s) => read.partitionLag(s, 'billing', 3),
          expected: 1337,
        },
        {
          id: 'others',
          text: 'lag of at most 2',
          value: (s) => Math.max(...[0, 1, 2].map((p) => read.partitionLag(s, 'billing', p))),
          expected: 2,
        },
      ],
    },
  ],
  predict: { stepId: 'scale-out', answer: 'b' },
  challenge: {
    solution: {
      commands: [{ type: 'slow-consumer', consumer: 'billing-c4', processingMs: 10 }, advance(100_000)],
      claims: [
        {
          id: 'owner',
          text: 'Partition 3 belongs to billing-c4',
          value: (s) => read.owned(s, 'billing', 'billing-c4'),
          expected: 'orders-3',
        },
        {
          id: 'over-50',
          text: 'receives well over 50 records a second',
          value: (s) => written(s, 3) / at(s) > 50,
          expected: true,
        },
        { id: 'ms', text: 'Set its processing time to 10 ms', value: (s) => read.processingMs(s, 'billing-c4'), expected: 10 },
        { id: 'capacity', text: 'up to 100 a second', value: (s) => capacity(s, 'billing-c4'), expected: 100 },
        { id: 'time', text: 'at 100 seconds', value: at, expected: 100 },
        { id: 'lag', text: 'the lag on partition 3 is 1', value: (s) => read.partitionLag(s, 'billing', 3), expected: 1 },
      ],
    },
    controls: ['processing-time'],
    goals: [
      {
        id: 'faster',
        text: 'billing-c4, the owner of partition 3, processes a record in less than 20 ms',
        pass: (s) => read.owned(s, 'billing', 'billing-c4') === 'orders-3' && read.processingMs(s, 'billing-c4') < 20,
      },
      { id: 'time', text: 'the run has reached 100 seconds', pass: (s) => at(s) >= 100 },
      {
        id: 'caught-up',
        text: 'the lag on partition 3 is back under 10',
        pass: (s) => {
          const lag = read.partitionLag(s, 'billing', 3);
          return lag >= 0 && lag < 10;
        },
      },
    ],
  },
});
