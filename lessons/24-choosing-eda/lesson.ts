/**
 * L24 · Choosing, and not choosing, EDA: one order change announced as a thin event (every reader
 * calls the order service back, and the calls are counted on the readers' cards) and as a fat
 * event (no calls, a copy of the order in every reader); then the anti-patterns the model can show
 * happening — a god topic every service reads whole, "exactly once" assumed on auto-commit, and a
 * request/reply over topics that answers long after the caller's 200 ms timeout, event spaghetti
 * (one order set going round a loop of services) and Kafka as a database (a lookup that reads the
 * topic from the start and finds the answer deleted). Scenarios in scenarios.ts and
 * anti-patterns.ts, reads in reads.ts, prose in content.md.
 */
import {
  kafkaAppRead as app,
  kafkaAppsView,
  kafkaNode as n,
  kafkaRead as read,
  type KafkaCommand,
  type KafkaState,
} from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import content from './content.md?raw';
import {
  appendedAtS,
  appendedCount,
  at,
  callsBack,
  checkoutWaitsMs,
  firstProcessedOffset,
  groupAddedAtS,
  keyAt,
  lapMs,
  lagOf,
  orderServiceCalls,
  processedBy,
  processedFrom,
  processedKey,
  producedBy,
  replyWaitMs,
} from './reads.ts';
import { godTopic, godTopicNeeds, orderChanges, orderReaders, payments, pricing } from './scenarios.ts';
import { ordersLog, ordersRetentionMs, spaghetti, spaghettiServices, supportGroup } from './anti-patterns.ts';

const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const ask = (key: string): KafkaCommand => ({
  type: 'produce',
  producer: 'checkout',
  topic: 'requests',
  key,
  value: { type: 'PriceRequested', sku: 'sku-42' },
});
const readers = orderReaders.map((g) => n.group(g));
/** The one order the shop places in the spaghetti step. */
const placeOrder: KafkaCommand = {
  type: 'produce',
  producer: 'shop',
  topic: 'orders',
  key: 'order-7',
  value: { type: 'OrderPlaced' },
};
/** The offset of the order support is asked about in the Kafka-as-a-database step. */
const lookedUpOffset = 12;
/** The timeout checkout's caller waits for a price, ms: a deadline the claims measure against. */
export const timeoutMs = 200;
const ms = (s: KafkaState, consumer: string): number => read.processingMs(s, consumer);
const rows = (s: KafkaState): string => orderReaders.map((g) => app.storeRows(s, g)).join(' ');
/** Records charged more than once. */
const chargedTwice = (s: KafkaState): number => kafkaAppsView(s).find((a) => a.group === 'billing')?.repeated ?? -1;
const crashAtS = (s: KafkaState): number => (s.trace.entries.find((e) => e.type === 'consumer-crashed')?.atMs ?? -1000) / 1000;
/** When billing-c1 last committed before it crashed, in seconds. */
const lastCommitAtS = (s: KafkaState): number => {
  const crash = s.trace.entries.find((e) => e.type === 'consumer-crashed');
  const commits = s.trace.entries.filter(
    (e) => e.type === 'offset-committed' && e.consumer === 'billing-c1' && crash !== undefined && e.id < crash.id,
  );
  return Math.round((commits.at(-1)?.atMs ?? -1000) / 1000);
};
/** When checkout's request with this key was written, in seconds. */
const askedAtS = (s: KafkaState, key: string): number =>
  (s.trace.entries.find((e) => e.type === 'record-produced' && e.key === key)?.atMs ?? -1000) / 1000;
/** Whether a checkout request was answered within the timeout. */
const answeredInTime = (s: KafkaState): boolean => checkoutWaitsMs(s).some((w) => w <= timeoutMs);

export const lesson = defineLesson({
  id: 'L24',
  title: 'Choosing, and not choosing, EDA',
  minutes: 21,
  model: 'kafka',
  scenario: orderChanges(false),
  content,
  steps: [
    {
      id: 'thin-event',
      title: 'A thin event: every reader calls back',
      commands: [advance(5_000)],
      highlight: [n.producer('order-service'), n.topic('orders'), ...readers],
      claims: [
        {
          id: 'rate',
          text: '4 order changes a second',
          value: (s) => Math.round(producedBy(s, 'order-service') / at(s)),
          expected: 4,
        },
        { id: 'time', text: 'By 5 seconds', value: at, expected: 5 },
        {
          id: 'events',
          text: 'each have read 20 of them',
          value: (s) => orderReaders.map((g) => processedBy(s, g)).join(),
          expected: '20,20,20',
        },
        {
          id: 'calls',
          text: 'each made 20 calls back',
          value: (s) => orderReaders.map((g) => callsBack(s, g)).join(),
          expected: '20,20,20',
        },
        { id: 'total', text: 'the order service answered 60 calls', value: orderServiceCalls, expected: 60 },
        { id: 'ms', text: 'takes 40 ms', value: (s) => ms(s, 'billing-c1'), expected: 40 },
      ],
    },
    {
      id: 'fat-event',
      title: 'A fat event: the order travels with it',
      scenario: orderChanges(true),
      commands: [advance(5_000)],
      highlight: [n.producer('order-service'), n.topic('orders'), ...readers],
      claims: [
        { id: 'events', text: 'the same 20 changes', value: (s) => processedBy(s, 'billing'), expected: 20 },
        { id: 'calls', text: 'The order service answered 0 calls', value: orderServiceCalls, expected: 0 },
        { id: 'rows', text: 'each reader now holds 20 rows', value: rows, expected: '20 20 20' },
        { id: 'ms', text: 'in 10 ms', value: (s) => ms(s, 'billing-c1'), expected: 10 },
      ],
    },
    {
      id: 'kafka-as-database',
      title: 'Kafka as a database: the answer was deleted',
      scenario: ordersLog,
      commands: [advance(30_000), { type: 'add-group', group: supportGroup }, advance(40_000)],
      highlight: [n.topic('orders'), n.group('shipping'), n.group('support')],
      panel: 'partitions',
      claims: [
        { id: 'rate', text: '4 orders a second', value: (s) => Math.round(producedBy(s, 'order-service') / at(s)), expected: 4 },
        { id: 'retention', text: 'keeps a record for 20 seconds', value: () => ordersRetentionMs / 1000, expected: 20 },
        { id: 'order', text: 'order-61308', value: (s) => keyAt(s, 'orders', lookedUpOffset), expected: 'order-61308' },
        { id: 'placed', text: 'placed at 3 seconds', value: (s) => appendedAtS(s, 'orders', lookedUpOffset), expected: 3 },
        { id: 'started', text: 'At 30 seconds support starts', value: (s) => groupAddedAtS(s, 'support'), expected: 30 },
        { id: 'first', text: 'first record is at offset 40', value: (s) => firstProcessedOffset(s, 'support'), expected: 40 },
        { id: 'read', text: 'By 40 seconds it has read 120 records', value: (s) => processedBy(s, 'support'), expected: 120 },
        {
          id: 'found',
          text: 'none of them is order-61308',
          value: (s) => processedKey(s, 'support', keyAt(s, 'orders', lookedUpOffset)),
          expected: 0,
        },
        { id: 'log-start', text: 'the log now starts at offset 80', value: (s) => read.logStart(s, 'orders', 0), expected: 80 },
        { id: 'rows', text: "Shipping's table holds 160 rows", value: (s) => app.storeRows(s, 'shipping'), expected: 160 },
        {
          id: 'row',
          text: 'order-61308 among them, status placed',
          value: (s) =>
            (JSON.parse(app.storeValue(s, 'shipping', keyAt(s, 'orders', lookedUpOffset)) || '{}') as { status?: string })
              .status ?? '',
          expected: 'placed',
        },
      ],
    },
    {
      id: 'god-topic',
      title: 'The god topic: everyone reads everything',
      scenario: godTopic,
      commands: [advance(12_000)],
      highlight: [
        ...godTopicNeeds.map((x) => n.producer(x.producer)),
        n.topic('all-events'),
        ...godTopicNeeds.map((x) => n.group(x.group)),
      ],
      claims: [
        { id: 'rate', text: '5 events a second each', value: (s) => Math.round(producedBy(s, 'payments') / at(s)), expected: 5 },
        { id: 'ms', text: '80 ms to look at a record', value: (s) => ms(s, 'billing-c1'), expected: 80 },
        { id: 'time', text: 'After 12 seconds', value: at, expected: 12 },
        { id: 'read', text: 'billing has read 112 records', value: (s) => processedBy(s, 'billing'), expected: 112 },
        {
          id: 'needed',
          text: 'only 37 of them were PaymentTaken',
          value: (s) => processedFrom(s, 'billing', 'payments'),
          expected: 37,
        },
        {
          id: 'discarded',
          text: 'it threw 75 away',
          value: (s) => processedBy(s, 'billing') - processedFrom(s, 'billing', 'payments'),
          expected: 75,
        },
        { id: 'lag', text: 'its lag reads 74', value: (s) => lagOf(s, 'billing'), expected: 74 },
      ],
    },
    {
      id: 'spaghetti',
      title: 'Event spaghetti: one order that never stops',
      scenario: spaghetti,
      commands: [advance(2_000), placeOrder, advance(10_000)],
      highlight: [
        n.producer('shop'),
        n.topic('orders'),
        n.topic('payments'),
        n.topic('shipments'),
        ...spaghettiServices.map((g) => n.group(g)),
      ],
      claims: [
        {
          id: 'placed',
          text: 'one order at 2 seconds',
          value: (s) => `${producedBy(s, 'shop')} at ${appendedAtS(s, 'orders', 0)}`,
          expected: '1 at 2',
        },
        { id: 'time', text: 'By 10 seconds', value: at, expected: 10 },
        {
          id: 'charges',
          text: 'billing has charged the card 9 times',
          value: (s) => app.calls(s, 'billing', 'charge-card'),
          expected: 9,
        },
        {
          id: 'parcels',
          text: 'shipping has sent 9 parcels',
          value: (s) => app.calls(s, 'shipping', 'send-parcel'),
          expected: 9,
        },
        { id: 'emails', text: 'the customer has had 28 emails', value: (s) => app.calls(s, 'email', 'send-email'), expected: 28 },
        { id: 'records', text: '28 records on three topics', value: (s) => appendedCount(s), expected: 28 },
        { id: 'lap', text: 'a lap takes about 0.8 seconds', value: (s) => Math.round(lapMs(s) / 100) / 10, expected: 0.8 },
      ],
    },
    {
      id: 'exactly-once',
      title: 'Assuming exactly once: a card charged twice',
      scenario: payments,
      commands: [advance(13_000), { type: 'crash-consumer', consumer: 'billing-c1' }, advance(20_000)],
      highlight: [n.group('billing'), n.consumer('billing-c1'), n.consumer('billing-c2')],
      claims: [
        { id: 'crash', text: 'crashed at 13 seconds', value: crashAtS, expected: 13 },
        { id: 'commit', text: 'last committed at 10 seconds', value: lastCommitAtS, expected: 10 },
        {
          id: 'interval',
          text: 'the client commits every 5 seconds',
          value: (s) => {
            const c = s.k.groups[0]!.commit;
            return c.type === 'auto' ? c.intervalMs / 1000 : -1;
          },
          expected: 5,
        },
        { id: 'requests', text: '81 payment requests', value: (s) => producedBy(s, 'checkout'), expected: 81 },
        {
          id: 'handled',
          text: 'billing had handled 80 of them',
          value: (s) => {
            const v = kafkaAppsView(s).find((a) => a.group === 'billing');
            return v === undefined ? -1 : v.effectOnce + v.repeated;
          },
          expected: 80,
        },
        {
          id: 'once',
          text: '74 cards charged once',
          value: (s) => kafkaAppsView(s).find((a) => a.group === 'billing')?.effectOnce ?? -1,
          expected: 74,
        },
        { id: 'charges', text: 'billing made 86 charges', value: (s) => app.calls(s, 'billing', 'charge-card'), expected: 86 },
        { id: 'twice', text: '6 customers were charged twice', value: chargedTwice, expected: 6 },
      ],
    },
    {
      id: 'request-reply',
      title: 'Request and reply over topics, on a quiet day',
      scenario: pricing(false),
      commands: [advance(5_000), ask('cart-1'), advance(7_000)],
      highlight: [
        n.producer('checkout'),
        n.topic('requests'),
        n.group('pricing'),
        n.producer('pricing-app'),
        n.topic('replies'),
        n.group('checkout'),
      ],
      claims: [
        {
          id: 'asked',
          text: 'At 5 seconds',
          value: (s) => askedAtS(s, 'cart-1'),
          expected: 5,
        },
        { id: 'ms', text: '100 ms to work out a price', value: (s) => ms(s, 'pricing-c1'), expected: 100 },
        { id: 'wait', text: 'the reply landed 113 ms after the request', value: (s) => replyWaitMs(s, 'cart-1'), expected: 113 },
        {
          id: 'timeout',
          text: 'inside its 200 ms timeout',
          value: (s) => replyWaitMs(s, 'cart-1') <= timeoutMs && timeoutMs === 200,
          expected: true,
        },
      ],
    },
    {
      id: 'reply-too-late',
      title: 'Sync over async: the reply comes after the caller gave up',
      scenario: pricing(true),
      commands: [advance(5_000), ask('cart-1'), advance(12_000)],
      highlight: [
        n.producer('checkout'),
        n.producer('catalog-sync'),
        n.topic('requests'),
        n.group('pricing'),
        n.topic('replies'),
      ],
      claims: [
        {
          id: 'rate',
          text: '12 requests a second',
          value: (s) => Math.round(producedBy(s, 'catalog-sync') / at(s)),
          expected: 12,
        },
        { id: 'capacity', text: 'answers at most 10', value: (s) => 1000 / ms(s, 'pricing-c1'), expected: 10 },
        { id: 'asked', text: 'Checkout asks at 5 seconds', value: (s) => askedAtS(s, 'cart-1'), expected: 5 },
        {
          id: 'timeout',
          text: "Its caller's 200 ms timeout runs out",
          value: (s) => (replyWaitMs(s, 'cart-1') > timeoutMs ? timeoutMs : -1),
          expected: 200,
        },
        {
          id: 'wait',
          text: 'landed 4.2 seconds after the request',
          value: (s) => Math.round(replyWaitMs(s, 'cart-1') / 100) / 10,
          expected: 4.2,
        },
        {
          id: 'late',
          text: '4.0 seconds after',
          value: (s) => Math.round((replyWaitMs(s, 'cart-1') - timeoutMs) / 100) / 10,
          expected: 4,
        },
        { id: 'lag', text: "pricing's lag reads 62", value: (s) => lagOf(s, 'pricing'), expected: 62 },
      ],
    },
  ],
  predict: { stepId: 'exactly-once', answer: 'b' },
  challenge: {
    solution: {
      scenario: pricing(true),
      commands: [
        advance(5_000),
        ask('cart-1'),
        { type: 'slow-consumer', consumer: 'pricing-c1', processingMs: 20 },
        advance(8_000),
        ask('cart-2'),
        advance(9_000),
      ],
      claims: [
        { id: 'ms', text: 'down to 20 ms', value: (s) => ms(s, 'pricing-c1'), expected: 20 },
        { id: 'capacity', text: 'up to 50 a second', value: (s) => 1000 / ms(s, 'pricing-c1'), expected: 50 },
        { id: 'wait', text: 'cart-2 got its reply 48 ms after', value: (s) => replyWaitMs(s, 'cart-2'), expected: 48 },
        {
          id: 'cart-1',
          text: 'cart-1, sent into the backlog, still waited 0.9 seconds',
          value: (s) => Math.round(replyWaitMs(s, 'cart-1') / 100) / 10,
          expected: 0.9,
        },
      ],
    },
    setupCommands: 2,
    controls: ['processing-time', 'group', 'produce'],
    goals: [
      {
        id: 'in-time',
        text: 'a price request from checkout got its reply within 200 ms, while catalog-sync kept sending 12 requests a second',
        pass: (s) => answeredInTime(s) && s.k.producers.some((p) => p.id === 'catalog-sync' && p.ratePerSec === 12),
      },
    ],
  },
});
