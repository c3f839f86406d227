/**
 * L02 · Pub/sub fan-out: one OrderPlaced reaches three independent consumer groups; a fraud group
 * added later, with no change to the producer, reads the history from offset 0; a group that was
 * offline catches up from its committed offsets; a group that starts at `latest` sees only what
 * arrives after it joins, the nearest this model comes to a fire-and-forget subscriber. Prose in
 * content.md.
 */
import type { GroupSpec, KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaNode as n, kafkaRead as read } from '../../simulator/index.ts';
import content from './content.md?raw';

const group = (id: string, consumers: number, extra: Partial<GroupSpec> = {}): GroupSpec => ({
  id,
  topics: ['orders'],
  consumers,
  processingMs: 10,
  commit: { type: 'after-process' },
  ...extra,
});

const scenario: KafkaScenario = {
  version: 1,
  name: 'pub/sub fan-out',
  brokers: [{ id: 1 }],
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
  producers: [{ id: 'shop', topic: 'orders', ratePerSec: 0, keys: { type: 'none' }, eventType: 'OrderPlaced' }],
  groups: [group('payments', 2), group('inventory', 1), group('notifications', 1)],
  trace: { mode: 'full' },
};

/** The shop writes OrderPlaced for order-from .. order-to, keyed by order id. */
const orders = (from: number, to: number): KafkaCommand[] => {
  const out: KafkaCommand[] = [];
  for (let i = from; i <= to; i++) {
    out.push({
      type: 'produce',
      producer: 'shop',
      topic: 'orders',
      key: `order-${i}`,
      value: { type: 'OrderPlaced', orderId: `order-${i}` },
    });
  }
  return out;
};
const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const each = (s: KafkaState, groups: string[]): string => groups.map((g) => read.delivered(s, g)).join(' ');
const first3 = ['payments', 'inventory', 'notifications'];
const held = (s: KafkaState): number => [0, 1, 2].reduce((sum, p) => sum + read.stored(s, 'orders', p), 0);

export const lesson = defineLesson({
  id: 'L02',
  title: 'Pub/sub fan-out',
  minutes: 12,
  model: 'kafka',
  scenario,
  content,
  steps: [
    {
      id: 'one-order',
      title: 'One order, three groups',
      commands: [advance(5_000), ...orders(1, 1), advance(6_000)],
      highlight: [n.producer('shop'), n.topic('orders'), n.group('payments'), n.group('inventory'), n.group('notifications')],
      claims: [
        { id: 'partitions', text: 'a topic with 3 partitions', value: (s) => read.partitionCount(s, 'orders'), expected: 3 },
        { id: 'groups', text: '3 consumer groups subscribe to it', value: (s) => s.k.groups.length, expected: 3 },
        { id: 'produced', text: 'The shop writes 1 OrderPlaced', value: (s) => read.produced(s), expected: 1 },
        {
          id: 'where',
          text: 'it is stored once, on partition 1',
          value: (s) => `${read.appendedPartition(s, 'order-1')} ${held(s)}`,
          expected: '1 1',
        },
        { id: 'each', text: 'each group has processed 1 record', value: (s) => each(s, first3), expected: '1 1 1' },
        { id: 'deliveries', text: 'that is 3 deliveries', value: (s) => s.k.counters.delivered, expected: 3 },
      ],
    },
    {
      id: 'more-orders',
      title: 'Every group gets every record',
      commands: [...orders(2, 12), advance(10_000)],
      highlight: [n.group('payments'), n.consumer('payments-c1'), n.consumer('payments-c2')],
      claims: [
        { id: 'more', text: 'Write 11 more orders', value: (s) => read.produced(s) - 1, expected: 11 },
        {
          id: 'each',
          text: 'each of the three groups has processed all 12',
          value: (s) => each(s, first3),
          expected: '12 12 12',
        },
        {
          id: 'c1-owns',
          text: 'payments-c1 owns orders-0, orders-1',
          value: (s) => read.owned(s, 'payments', 'payments-c1'),
          expected: 'orders-0, orders-1',
        },
        {
          id: 'c2-owns',
          text: 'payments-c2 owns orders-2',
          value: (s) => read.owned(s, 'payments', 'payments-c2'),
          expected: 'orders-2',
        },
        {
          id: 'split',
          text: 'payments-c1 processed 9 of them and payments-c2 processed 3',
          value: (s) => `${read.processedBy(s, 'payments-c1')} ${read.processedBy(s, 'payments-c2')}`,
          expected: '9 3',
        },
      ],
    },
    {
      id: 'fraud-joins',
      title: 'A fraud group joins later',
      commands: [{ type: 'add-group', group: group('fraud', 1, { autoOffsetReset: 'earliest' }) }, advance(16_000)],
      highlight: [n.group('fraud'), n.consumer('fraud-c1'), n.topic('orders')],
      claims: [
        { id: 'reset', text: 'auto.offset.reset=earliest', value: (s) => read.offsetReset(s, 'fraud'), expected: 'earliest' },
        {
          id: 'producer',
          text: 'still 1 producer, which has written 12 records',
          value: (s) => `${read.producerCount(s)} ${read.producedBy(s, 'shop')}`,
          expected: '1 12',
        },
        {
          id: 'from-zero',
          text: 'starts at offset 0 on every partition',
          value: (s) => [0, 1, 2].map((p) => read.firstProcessedOffset(s, 'fraud', 'orders', p)).join(' '),
          expected: '0 0 0',
        },
        { id: 'all', text: 'fraud has processed all 12 orders', value: (s) => read.delivered(s, 'fraud'), expected: 12 },
      ],
    },
    {
      id: 'notifications-offline',
      title: 'A subscriber goes offline',
      commands: [{ type: 'remove-consumer', consumer: 'notifications-c1' }, ...orders(13, 17), advance(20_000)],
      highlight: [n.group('notifications'), n.consumer('notifications-c1'), n.topic('orders')],
      claims: [
        { id: 'members', text: 'the group has 0 members', value: (s) => read.members(s, 'notifications'), expected: 0 },
        { id: 'more', text: 'the shop writes 5 more orders', value: (s) => read.produced(s) - 12, expected: 5 },
        {
          id: 'others',
          text: 'The other three groups process them: each is at 17',
          value: (s) => each(s, ['payments', 'inventory', 'fraud']),
          expected: '17 17 17',
        },
        { id: 'stuck', text: 'notifications is still at 12', value: (s) => read.delivered(s, 'notifications'), expected: 12 },
        { id: 'lag', text: 'its lag is 5', value: (s) => read.groupLag(s, 'notifications'), expected: 5 },
      ],
    },
    {
      id: 'back-online',
      title: 'The subscriber comes back',
      commands: [{ type: 'add-consumer', group: 'notifications' }, advance(30_000)],
      highlight: [n.group('notifications'), n.consumer('notifications-c2')],
      claims: [
        {
          id: 'caught-up',
          text: 'processes the 5 orders it missed',
          value: (s) => read.processedBy(s, 'notifications-c2'),
          expected: 5,
        },
        { id: 'total', text: 'notifications is at 17', value: (s) => read.delivered(s, 'notifications'), expected: 17 },
        { id: 'lag', text: 'its lag is back to 0', value: (s) => read.groupLag(s, 'notifications'), expected: 0 },
        { id: 'no-dupes', text: 'and 0 duplicates', value: (s) => read.duplicated(s, 'notifications'), expected: 0 },
      ],
    },
    {
      id: 'live-only',
      title: 'A group that only hears what happens next',
      commands: [{ type: 'add-group', group: group('dashboard', 1) }, advance(36_000), ...orders(18, 20), advance(40_000)],
      highlight: [n.group('dashboard'), n.consumer('dashboard-c1'), n.topic('orders')],
      claims: [
        { id: 'reset', text: 'auto.offset.reset=latest', value: (s) => read.offsetReset(s, 'dashboard'), expected: 'latest' },
        { id: 'more', text: 'the shop writes 3 more orders', value: (s) => read.produced(s) - 17, expected: 3 },
        { id: 'dashboard', text: 'dashboard processes only those 3', value: (s) => read.delivered(s, 'dashboard'), expected: 3 },
        {
          id: 'missed',
          text: 'it never sees the 17 before it',
          value: (s) => read.produced(s) - read.delivered(s, 'dashboard'),
          expected: 17,
        },
        {
          id: 'kept',
          text: 'the topic still holds all 20 records, from offset 0',
          value: (s) => `${held(s)} ${[0, 1, 2].map((p) => read.logStart(s, 'orders', p)).join(' ')}`,
          expected: '20 0 0 0',
        },
        { id: 'fraud', text: 'fraud has processed all 20', value: (s) => read.delivered(s, 'fraud'), expected: 20 },
      ],
    },
  ],
  predict: { stepId: 'back-online', answer: 'b' },
  challenge: {
    solution: {
      commands: [{ type: 'add-consumer', group: 'payments' }, advance(45_000), ...orders(21, 30), advance(50_000)],
      claims: [
        {
          id: 'one-each',
          text: 'each of the 3 payments consumers owns one partition',
          value: (s) => ['payments-c1', 'payments-c2', 'payments-c3'].map((c) => read.owned(s, 'payments', c)).join(' | '),
          expected: 'orders-0 | orders-1 | orders-2',
        },
        {
          id: 'shared',
          text: 'the 10 new orders are split between them',
          value: (s) =>
            read.processedBy(s, 'payments-c3') > 0 &&
            ['payments-c1', 'payments-c2', 'payments-c3'].reduce((sum, c) => sum + read.processedBy(s, c), 0) === 30,
          expected: true,
        },
        { id: 'new', text: 'the 10 new orders', value: (s) => read.produced(s) - 20, expected: 10 },
        {
          id: 'everyone',
          text: 'payments, inventory, notifications and fraud are each at 30',
          value: (s) => each(s, ['payments', 'inventory', 'notifications', 'fraud']),
          expected: '30 30 30 30',
        },
        { id: 'dashboard', text: 'dashboard is at 13', value: (s) => read.delivered(s, 'dashboard'), expected: 13 },
      ],
    },
    controls: ['group', 'produce'],
    goals: [
      {
        id: 'third',
        text: 'payments has 3 consumers, each owning 1 partition',
        pass: (s) =>
          read.members(s, 'payments') === 3 &&
          s.k.consumers
            .filter((c) => c.phase !== 'left' && s.k.groups[c.group]!.id === 'payments')
            .every((c) => c.assigned.length === 1),
      },
      { id: 'ten', text: '10 more orders are written (30 in all)', pass: (s) => read.produced(s) >= 30 },
      {
        id: 'shared',
        text: 'the new payments consumer processed some of them',
        pass: (s) =>
          s.k.consumers.some(
            (c) =>
              c.id !== 'payments-c1' &&
              c.id !== 'payments-c2' &&
              s.k.groups[c.group]!.id === 'payments' &&
              read.processedBy(s, c.id) > 0,
          ),
      },
      {
        id: 'everyone',
        text: 'payments, inventory, notifications and fraud have each processed all of them',
        pass: (s) =>
          read.produced(s) >= 30 &&
          ['payments', 'inventory', 'notifications', 'fraud'].every((g) => read.delivered(s, g) >= read.produced(s)),
      },
    ],
  },
});
