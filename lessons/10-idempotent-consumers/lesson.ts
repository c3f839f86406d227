/**
 * L10 · Idempotent consumers: a notification consumer that commits after processing sends an SMS
 * twice when a crash hands its partition to another consumer; fixed three ways — a dedup step keyed
 * by the event id with a retention window (a copy that arrives after the window gets through), a
 * balance SET rather than INCREMENTed, and an upsert keyed by the event. Prose in content.md.
 */
import type { KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaAppRead as app, kafkaAppsView, kafkaNode as n } from '../../simulator/index.ts';
import content from './content.md?raw';

type Steps = NonNullable<NonNullable<KafkaScenario['groups']>[number]['handler']>['steps'];
type Group = NonNullable<KafkaScenario['groups']>[number];

/** A group of 2 consumers that auto-commits every 5 s and notices a crash after 6 s. */
const group = (id: string, topic: string, steps: Steps): Group => ({
  id,
  topics: [topic],
  consumers: 2,
  processingMs: 20,
  commit: { type: 'auto', intervalMs: 5_000 },
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 2_000,
  autoOffsetReset: 'earliest',
  handler: { steps },
});

const notifyScenario = (dedup: boolean, name: string): KafkaScenario => ({
  version: 1,
  name,
  brokers: [{ id: 1 }],
  topics: [{ name: 'shipments', partitions: 2, replicationFactor: 1 }],
  producers: [
    {
      id: 'shop',
      topic: 'shipments',
      ratePerSec: 2,
      keys: { type: 'uniform', keys: 50, prefix: 'order-' },
      eventType: 'OrderShipped',
    },
  ],
  groups: [
    group('notify', 'shipments', [
      ...(dedup ? [{ type: 'dedup' as const, retentionMs: 30_000 }] : []),
      { type: 'side-effect', name: 'send-sms' },
    ]),
  ],
  trace: { mode: 'full' },
});

const plain = notifyScenario(false, 'SMS without dedup');
const withDedup = notifyScenario(true, 'SMS with a dedup step');

/** Three services read the same deposits: one adds, one sets the balance, one upserts a row per deposit. */
const deposits: KafkaScenario = {
  version: 1,
  name: 'SET vs INCREMENT',
  brokers: [{ id: 1 }],
  topics: [{ name: 'deposits', partitions: 1, replicationFactor: 1 }],
  producers: [{ id: 'bank', topic: 'deposits', ratePerSec: 0, keys: { type: 'none' }, eventType: 'Deposited' }],
  groups: [
    group('ledger-add', 'deposits', [{ type: 'store', op: 'increment', key: 'acct-7', by: 100 }]),
    group('ledger-set', 'deposits', [{ type: 'store', op: 'set', key: 'acct-7', field: 'balance' }]),
    group('statements', 'deposits', [{ type: 'store', op: 'set' }]),
  ],
  trace: { mode: 'full' },
};

const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const crash = (consumer: string): KafkaCommand => ({ type: 'crash-consumer', consumer });
const ship900: KafkaCommand = {
  type: 'produce',
  producer: 'shop',
  topic: 'shipments',
  key: 'order-900',
  value: { type: 'OrderShipped', eventId: 'evt-900' },
};
const deposit = (i: number): KafkaCommand => ({
  type: 'produce',
  producer: 'bank',
  topic: 'deposits',
  key: `dep-${i}`,
  value: { type: 'Deposited', eventId: `dep-${i}`, account: 'acct-7', amount: 100, balance: 100 * i },
});
const crashAll = ['ledger-add', 'ledger-set', 'statements'].map((g) => crash(`${g}-c1`));

const at = (s: KafkaState): number => s.nowMs / 1000;
const sms = (s: KafkaState): number => app.calls(s, 'notify', 'send-sms');
const shipped = (s: KafkaState): number =>
  s.trace.entries.filter((e) => e.type === 'record-produced' && e.topic === 'shipments').length;
const smsFor = (s: KafkaState, key: string): number =>
  s.trace.entries.filter((e) => e.type === 'side-effect-called' && e.key === key).length;
/** Events whose SMS went out at least once. */
const handled = (s: KafkaState): number => {
  const v = kafkaAppsView(s).find((a) => a.group === 'notify')!;
  return v.effectOnce + v.repeated;
};
const balance = (s: KafkaState, g: string): string => app.storeValue(s, g, 'acct-7');

export const lesson = defineLesson({
  id: 'L10',
  title: 'Idempotent consumers',
  minutes: 14,
  model: 'kafka',
  scenario: plain,
  content,
  steps: [
    {
      id: 'flowing',
      title: 'One SMS per shipment',
      commands: [advance(10_000)],
      highlight: [n.producer('shop'), n.topic('shipments'), n.group('notify')],
      claims: [
        { id: 'rate', text: '2 shipments a second', value: (s) => Math.round(shipped(s) / at(s)), expected: 2 },
        { id: 'time', text: 'After 10 seconds', value: at, expected: 10 },
        { id: 'sms', text: 'notify has sent 20 SMS', value: sms, expected: 20 },
        {
          id: 'commit',
          text: 'automatically every 5 seconds',
          value: (s) => {
            const c = s.k.groups[0]!.commit;
            return c.type === 'auto' ? c.intervalMs / 1000 : -1;
          },
          expected: 5,
        },
        { id: 'events', text: 'for 20 events', value: handled, expected: 20 },
      ],
    },
    {
      id: 'crash',
      title: 'A crash, and an SMS sent twice',
      commands: [advance(13_000), crash('notify-c1'), advance(20_000)],
      highlight: [n.group('notify'), n.consumer('notify-c1'), n.consumer('notify-c2')],
      claims: [
        { id: 'crash', text: 'At 13 seconds', value: crashedAt, expected: 13 },
        { id: 'time', text: 'By 20 seconds', value: at, expected: 20 },
        { id: 'events', text: 'for 40 events', value: handled, expected: 40 },
        { id: 'sms', text: 'notify has sent 41 SMS', value: sms, expected: 41 },
        { id: 'dup', text: '1 customer got the same SMS twice', value: (s) => app.duplicates(s, 'notify'), expected: 1 },
      ],
    },
    {
      id: 'dedup',
      title: 'Fix 1: remember event ids',
      scenario: withDedup,
      commands: [advance(13_000), crash('notify-c1'), advance(20_000)],
      highlight: [n.group('notify'), n.consumer('notify-c2')],
      claims: [
        { id: 'window', text: 'for 30 seconds', value: (s) => retentionOf(s) / 1000, expected: 30 },
        { id: 'sms', text: '40 SMS for 40 events', value: sms, expected: 40 },
        { id: 'events', text: '40 events', value: handled, expected: 40 },
        { id: 'skipped', text: 'skipped 1', value: (s) => app.deduped(s, 'notify'), expected: 1 },
      ],
    },
    {
      id: 'window',
      title: 'After the window, a duplicate gets through',
      commands: [ship900, advance(25_000), ship900, advance(70_000), ship900, advance(72_000)],
      highlight: [n.topic('shipments'), n.group('notify')],
      claims: [
        { id: 'first', text: 'at 20 seconds', value: (s) => producedAt(s, 'order-900', 0), expected: 20 },
        { id: 'second', text: 'again at 25 seconds', value: (s) => producedAt(s, 'order-900', 1), expected: 25 },
        { id: 'third', text: 'a third time at 70 seconds', value: (s) => producedAt(s, 'order-900', 2), expected: 70 },
        { id: 'skipped', text: 'skipped 2', value: (s) => app.deduped(s, 'notify'), expected: 2 },
        { id: 'sms900', text: 'order-900 has had 2 SMS', value: (s) => smsFor(s, 'order-900'), expected: 2 },
        { id: 'sent-at', text: 'sent at 20 and 70 seconds', value: (s) => smsAt(s, 'order-900'), expected: '20, 70' },
      ],
    },
    {
      id: 'set-vs-increment',
      title: 'Fix 2: SET instead of INCREMENT',
      scenario: deposits,
      commands: [deposit(1), deposit(2), deposit(3), advance(4_000), ...crashAll, advance(20_000)],
      highlight: [n.topic('deposits'), n.group('ledger-add'), n.group('ledger-set')],
      claims: [
        { id: 'deposits', text: '3 deposits of 100', value: (s) => shippedTo(s, 'deposits'), expected: 3 },
        { id: 'crash', text: 'at 4 seconds', value: crashedAt, expected: 4 },
        { id: 'add', text: 'ledger-add says acct-7 holds 600', value: (s) => balance(s, 'ledger-add'), expected: '600' },
        { id: 'set', text: 'ledger-set says 300', value: (s) => balance(s, 'ledger-set'), expected: '300' },
      ],
    },
    {
      id: 'upsert',
      title: 'Fix 3: upsert by the event id',
      commands: [],
      highlight: [n.group('statements')],
      claims: [
        { id: 'rows', text: 'still holds 3 rows', value: (s) => app.storeRows(s, 'statements'), expected: 3 },
        { id: 'twice', text: 'each written twice', value: (s) => app.duplicates(s, 'statements') / 3 + 1, expected: 2 },
        {
          id: 'insert',
          text: 'would have made 6',
          value: (s) => app.storeRows(s, 'statements') + app.duplicates(s, 'statements'),
          expected: 6,
        },
      ],
    },
  ],
  predict: { stepId: 'crash', answer: 'b' },
  challenge: {
    solution: {
      scenario: withDedup,
      commands: [
        { type: 'produce', producer: 'shop', topic: 'shipments', key: 'order-777', value: { type: 'OrderShipped' } },
        advance(4_000),
      ],
      claims: [
        { id: 'once', text: 'order-777 gets 1 SMS', value: (s) => smsFor(s, 'order-777'), expected: 1 },
        { id: 'time', text: 'by 4 seconds', value: at, expected: 4 },
        {
          id: 'start',
          text: 'starts reading at 3',
          value: (s) => Math.floor((s.trace.entries.find((e) => e.type === 'record-processed')?.atMs ?? -1000) / 1000),
          expected: 3,
        },
      ],
    },
    controls: ['produce'],
    goals: [
      {
        id: 'written',
        text: 'the shop wrote a shipment for order-777',
        pass: (s) => s.trace.entries.some((e) => e.type === 'record-produced' && e.key === 'order-777'),
      },
      { id: 'once', text: 'order-777 got exactly one SMS', pass: (s) => smsFor(s, 'order-777') === 1 },
    ],
  },
});

function shippedTo(s: KafkaState, topic: string): number {
  return s.trace.entries.filter((e) => e.type === 'record-produced' && e.topic === topic).length;
}

/** When the first consumer crashed, in seconds. */
function crashedAt(s: KafkaState): number {
  return (s.trace.entries.find((e) => e.type === 'consumer-crashed')?.atMs ?? -1) / 1000;
}

/** When the n-th record with this key was written, in whole seconds. */
function producedAt(s: KafkaState, key: string, nth: number): number {
  const e = s.trace.entries.filter((x) => x.type === 'record-produced' && x.key === key)[nth];
  return Math.round((e?.atMs ?? -1000) / 1000);
}

/** When each SMS for this key went out, in whole seconds. */
function smsAt(s: KafkaState, key: string): string {
  return s.trace.entries
    .filter((e) => e.type === 'side-effect-called' && e.key === key)
    .map((e) => Math.round(e.atMs / 1000))
    .join(', ');
}

/** The notify handler's dedup retention, ms. */
function retentionOf(s: KafkaState): number {
  const step = s.k.groups[0]!.app?.steps.find((x) => x.type === 'dedup');
  return step?.type === 'dedup' ? step.retentionMs : 0;
}
