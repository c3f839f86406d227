/**
 * L04 · Partitions, offsets, keys: records keyed by order id land where Kafka's murmur2
 * partitioner puts them; one key's events stay in order inside its partition; a record on another
 * partition, or on another topic, can be processed before one written earlier (PaymentCharged
 * before its own OrderPlaced). Prose in content.md.
 */
import type { KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaNode as n, kafkaRead as read } from '../../simulator/index.ts';
import content from './content.md?raw';

const scenario: KafkaScenario = {
  version: 1,
  name: 'partitions, offsets, keys',
  brokers: [{ id: 1 }],
  topics: [
    { name: 'orders', partitions: 3, replicationFactor: 1 },
    { name: 'payments', partitions: 2, replicationFactor: 1 },
  ],
  producers: [
    { id: 'shop', topic: 'orders', ratePerSec: 0, keys: { type: 'none' } },
    { id: 'cashier', topic: 'payments', ratePerSec: 0, keys: { type: 'none' } },
  ],
  groups: [
    {
      id: 'shipping',
      topics: ['orders', 'payments'],
      consumers: 3,
      processingMs: 10,
      commit: { type: 'after-process' },
    },
  ],
  trace: { mode: 'full' },
};

/** An event for one order, keyed by its order id (the shop writes orders, the cashier payments). */
const event = (type: string, order: number, topic: 'orders' | 'payments' = 'orders'): KafkaCommand => ({
  type: 'produce',
  producer: topic === 'orders' ? 'shop' : 'cashier',
  topic,
  key: `order-${order}`,
  value: { type, orderId: `order-${order}` },
});
const placed = (...orders: number[]): KafkaCommand[] => orders.map((o) => event('OrderPlaced', o));
const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const keys = (...orders: number[]): string[] => orders.map((o) => `order-${o}`);
const on = (s: KafkaState, key: string, eventType?: string): number => read.appendedPartition(s, key, eventType);
const at = (s: KafkaState, key: string, eventType?: string): number => read.appendedOffset(s, key, eventType);
const within = (s: KafkaState, eventType: string): string => read.appendedTopicPartition(s, 'order-22', eventType);

export const lesson = defineLesson({
  id: 'L04',
  title: 'Partitions, offsets, keys',
  minutes: 12,
  model: 'kafka',
  scenario,
  content,
  steps: [
    {
      id: 'keys-pick-partitions',
      title: 'The key picks the partition',
      commands: [advance(5_000), ...placed(1, 2, 3, 4, 5, 6), advance(6_000)],
      highlight: [n.producer('shop'), n.topic('orders')],
      claims: [
        { id: 'partitions', text: 'orders has 3 partitions', value: (s) => read.partitionCount(s, 'orders'), expected: 3 },
        { id: 'six', text: 'writes OrderPlaced for order-1 to order-6', value: (s) => read.producedBy(s, 'shop'), expected: 6 },
        { id: 'order-1', text: 'order-1 goes to partition 1', value: (s) => on(s, 'order-1'), expected: 1 },
        { id: 'order-2', text: 'order-2 to partition 0', value: (s) => on(s, 'order-2'), expected: 0 },
        { id: 'order-4', text: 'order-4 to partition 2', value: (s) => on(s, 'order-4'), expected: 2 },
        {
          id: 'p0',
          text: 'Partition 0 holds order-2, order-3, order-6',
          value: (s) => read.keysIn(s, 'orders', 0),
          expected: 'order-2, order-3, order-6',
        },
        {
          id: 'p0-offsets',
          text: 'at offsets 0, 1 and 2',
          value: (s) => ['order-2', 'order-3', 'order-6'].map((k) => at(s, k)).join(' '),
          expected: '0 1 2',
        },
        {
          id: 'p2',
          text: 'partition 2 holds order-4, order-5',
          value: (s) => read.keysIn(s, 'orders', 2),
          expected: 'order-4, order-5',
        },
        {
          id: 'p2-offsets',
          text: 'at offsets 0 and 1',
          value: (s) => ['order-4', 'order-5'].map((k) => at(s, k)).join(' '),
          expected: '0 1',
        },
        {
          id: 'ends',
          text: 'log end offsets of 3, 1 and 2',
          value: (s) => [0, 1, 2].map((p) => read.logEnd(s, 'orders', p)).join(' '),
          expected: '3 1 2',
        },
      ],
    },
    {
      id: 'one-key-in-order',
      title: 'One key, one partition, one order',
      commands: [event('PaymentCharged', 1), event('OrderShipped', 1), advance(7_000)],
      highlight: [n.topic('orders'), n.consumer('shipping-c2')],
      claims: [
        {
          id: 'same-partition',
          text: 'both land on partition 1',
          value: (s) => `${on(s, 'order-1', 'PaymentCharged')} ${on(s, 'order-1', 'OrderShipped')}`,
          expected: '1 1',
        },
        {
          id: 'offsets',
          text: 'at offsets 1 and 2',
          value: (s) => `${at(s, 'order-1', 'PaymentCharged')} ${at(s, 'order-1', 'OrderShipped')}`,
          expected: '1 2',
        },
        {
          id: 'placed-at',
          text: "the order's OrderPlaced at offset 0",
          value: (s) => at(s, 'order-1', 'OrderPlaced'),
          expected: 0,
        },
        {
          id: 'owner',
          text: 'shipping-c2 owns orders-1',
          value: (s) => read.owned(s, 'shipping', 'shipping-c2'),
          expected: 'orders-1, payments-1',
        },
        {
          id: 'order',
          text: 'OrderPlaced order-1, PaymentCharged order-1, OrderShipped order-1',
          value: (s) => read.processedOrder(s, 'shipping', keys(1)),
          expected: 'OrderPlaced order-1, PaymentCharged order-1, OrderShipped order-1',
        },
      ],
    },
    {
      id: 'across-partitions',
      title: 'Across partitions, no order',
      commands: [
        { type: 'slow-consumer', consumer: 'shipping-c1', processingMs: 1_000 },
        ...placed(10, 11, 12, 13),
        advance(10_000),
      ],
      highlight: [n.consumer('shipping-c1'), n.topic('orders')],
      claims: [
        {
          id: 'c1-owns',
          text: 'shipping-c1, which owns orders-0',
          value: (s) => read.owned(s, 'shipping', 'shipping-c1'),
          expected: 'orders-0, payments-0',
        },
        { id: 'slow', text: 'now takes 1,000 ms per record', value: (s) => read.processingMs(s, 'shipping-c1'), expected: 1000 },
        {
          id: 'partitions',
          text: 'order-10 and order-11 go to partition 0, order-12 to partition 1 and order-13 to partition 2',
          value: (s) => ['order-10', 'order-11', 'order-12', 'order-13'].map((k) => on(s, k)).join(' '),
          expected: '0 0 1 2',
        },
        {
          id: 'written',
          text: 'written in the order order-10, order-11, order-12, order-13',
          value: (s) => read.producedOrder(s, keys(10, 11, 12, 13)),
          expected: 'OrderPlaced order-10, OrderPlaced order-11, OrderPlaced order-12, OrderPlaced order-13',
        },
        {
          id: 'processed',
          text: 'processed in the order order-12, order-13, order-10, order-11',
          value: (s) => read.processedOrder(s, 'shipping', keys(10, 11, 12, 13)),
          expected: 'OrderPlaced order-12, OrderPlaced order-13, OrderPlaced order-10, OrderPlaced order-11',
        },
      ],
    },
    {
      id: 'across-topics',
      title: 'Across topics: the payment before the order',
      commands: [...placed(16, 17, 19), event('PaymentCharged', 19, 'payments'), advance(15_000)],
      highlight: [n.topic('orders'), n.topic('payments'), n.consumer('shipping-c1'), n.consumer('shipping-c2')],
      claims: [
        {
          id: 'orders-0',
          text: 'OrderPlaced for order-16, order-17 and order-19, all on partition 0',
          value: (s) => ['order-16', 'order-17', 'order-19'].map((k) => on(s, k, 'OrderPlaced')).join(' '),
          expected: '0 0 0',
        },
        {
          id: 'payments-partitions',
          text: 'payments has 2 partitions',
          value: (s) => read.partitionCount(s, 'payments'),
          expected: 2,
        },
        {
          id: 'payments-1',
          text: 'PaymentCharged for order-19 lands on payments-1',
          value: (s) => on(s, 'order-19', 'PaymentCharged'),
          expected: 1,
        },
        {
          id: 'written',
          text: 'written after the OrderPlaced',
          value: (s) => read.producedOrder(s, keys(19)),
          expected: 'OrderPlaced order-19, PaymentCharged order-19',
        },
        {
          id: 'processed',
          text: 'processes PaymentCharged order-19 first, then OrderPlaced order-19',
          value: (s) => read.processedOrder(s, 'shipping', keys(19)),
          expected: 'PaymentCharged order-19, OrderPlaced order-19',
        },
        {
          id: 'gap',
          text: 'about 3 seconds later',
          value: (s) =>
            Math.round(
              (read.processedAtMs(s, 'shipping', 'order-19', 'OrderPlaced') -
                read.processedAtMs(s, 'shipping', 'order-19', 'PaymentCharged')) /
                1000,
            ),
          expected: 3,
        },
      ],
    },
  ],
  predict: { stepId: 'across-topics', answer: 'b' },
  challenge: {
    solution: {
      commands: [...placed(22), event('PaymentCharged', 22), advance(20_000)],
      claims: [
        {
          id: 'same-partition',
          text: 'both records go to orders-0',
          value: (s) => `${on(s, 'order-22', 'OrderPlaced')} ${on(s, 'order-22', 'PaymentCharged')}`,
          expected: '0 0',
        },
        {
          id: 'offsets',
          text: 'one after the other, at offsets 8 and 9',
          value: (s) => `${at(s, 'order-22', 'OrderPlaced')} ${at(s, 'order-22', 'PaymentCharged')}`,
          expected: '8 9',
        },
        {
          id: 'order',
          text: 'OrderPlaced order-22, PaymentCharged order-22',
          value: (s) => read.processedOrder(s, 'shipping', keys(22)),
          expected: 'OrderPlaced order-22, PaymentCharged order-22',
        },
        {
          id: 'still-slow',
          text: 'even though shipping-c1 is still slow',
          value: (s) => read.processingMs(s, 'shipping-c1'),
          expected: 1000,
        },
      ],
    },
    controls: ['produce'],
    goals: [
      {
        id: 'both',
        text: "order-22's OrderPlaced and PaymentCharged are both written",
        pass: (s) => within(s, 'OrderPlaced') !== '' && within(s, 'PaymentCharged') !== '',
      },
      {
        id: 'same-partition',
        text: 'they are on the same partition, OrderPlaced first',
        pass: (s) =>
          within(s, 'OrderPlaced') === within(s, 'PaymentCharged') &&
          at(s, 'order-22', 'OrderPlaced') < at(s, 'order-22', 'PaymentCharged'),
      },
      {
        id: 'processed',
        text: 'shipping processed OrderPlaced order-22, then PaymentCharged order-22, with shipping-c1 still slow',
        pass: (s) =>
          read.processedOrder(s, 'shipping', keys(22)) === 'OrderPlaced order-22, PaymentCharged order-22' &&
          read.processingMs(s, 'shipping-c1') === 1000,
      },
    ],
  },
});
