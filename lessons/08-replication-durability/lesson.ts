/**
 * L08 · Replication and durability: three brokers hold copies of one partition; a follower cut off
 * from the leader falls out of the ISR and catches up again; the leader crashes just after an
 * acks=1 write and the acknowledged record is lost, while with acks=all and min.insync.replicas=2
 * the same crash loses nothing; too few in-sync replicas make the leader refuse writes; and with
 * every in-sync replica down, clean election waits while unclean election trades records for
 * availability. Prose in content.md.
 */
import type { KafkaCommand, KafkaScenario, KafkaState, KafkaTraceEntry } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaNode as n, kafkaSummary } from '../../simulator/index.ts';
import content from './content.md?raw';

const brokers = [{ id: 1 }, { id: 2 }, { id: 3 }];
/** The three brokers, framed together: a step about one of them is read against the others. */
const allBrokers = [n.broker(1), n.broker(2), n.broker(3)];

/** orders on three brokers, one partition, min.insync.replicas=2; a checkout writing 2 orders a second. */
const flowing = (uncleanLeaderElection: boolean, withGroup: boolean): KafkaScenario => ({
  version: 1,
  name: `replication${uncleanLeaderElection ? ' (unclean election on)' : ''}`,
  brokers,
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2, uncleanLeaderElection }],
  producers: [
    {
      id: 'checkout',
      topic: 'orders',
      ratePerSec: 2,
      keys: { type: 'uniform', keys: 50, prefix: 'order-' },
      eventType: 'OrderPlaced',
      acks: 'all',
    },
  ],
  ...(withGroup
    ? {
        groups: [
          { id: 'shipping', topics: ['orders'], consumers: 1, processingMs: 10, commit: { type: 'after-process' as const } },
        ],
      }
    : {}),
  trace: { mode: 'full' },
});

/** The same cluster with a checkout that writes only the orders the script names, with `acks`. */
const scripted = (acks: 1 | 'all'): KafkaScenario => ({
  version: 1,
  name: `replication, acks=${acks}`,
  brokers,
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 0, keys: { type: 'none' }, eventType: 'OrderPlaced', acks }],
  trace: { mode: 'full' },
});

/** The challenge: two producers, one per acks setting, and a leader crash booked at 2.1 s. */
export const challengeScenario: KafkaScenario = {
  version: 1,
  name: 'replication challenge',
  brokers,
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
  producers: [
    { id: 'checkout', topic: 'orders', ratePerSec: 0, keys: { type: 'none' }, eventType: 'OrderPlaced', acks: 'all' },
    { id: 'quick-checkout', topic: 'orders', ratePerSec: 0, keys: { type: 'none' }, eventType: 'OrderPlaced', acks: 1 },
  ],
  schedule: [{ atMs: 2_100, command: { type: 'crash-broker', broker: 1 } }],
  trace: { mode: 'full' },
};

const produce = (key: string, producer = 'checkout'): KafkaCommand => ({
  type: 'produce',
  producer,
  topic: 'orders',
  key,
  value: { type: 'OrderPlaced', orderId: key },
});
const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const crash = (broker: number): KafkaCommand => ({ type: 'crash-broker', broker });
const restart = (broker: number): KafkaCommand => ({ type: 'restart-broker', broker });
const slowLink = (to: string): KafkaCommand => ({ type: 'delay-link', from: 'broker-1', to, latencyMs: 500 });

/** Three orders written and copied everywhere, then the leader's links to its followers slowed. */
const threeOrdersThenSlowLinks: KafkaCommand[] = [
  produce('order-1'),
  produce('order-2'),
  produce('order-3'),
  advance(2_000),
  slowLink('broker-2'),
  slowLink('broker-3'),
];
/** order-4 written, the leader crashing 100 ms later, and coming back at 5 s. */
const crashAfterOrder4: KafkaCommand[] = [
  produce('order-4'),
  advance(2_100),
  crash(1),
  advance(5_000),
  restart(1),
  advance(6_000),
];

const part = (s: KafkaState) => kafkaSummary(s).partitions[0]!;
const replica = (s: KafkaState, broker: string) => part(s).replicas.find((r) => r.broker === broker)!;
const isr = (s: KafkaState): string => part(s).isr.join(', ');
const leader = (s: KafkaState): string => part(s).leader ?? 'none';
const hw = (s: KafkaState): number => part(s).highWatermark;
const records = (s: KafkaState) => kafkaSummary(s).records;
const seconds = (ms: number): number => Math.round(ms / 100) / 10;
const entries = <T extends KafkaTraceEntry['type']>(s: KafkaState, type: T) =>
  s.trace.entries.filter((e): e is Extract<KafkaTraceEntry, { type: T }> => e.type === type);
const firstAt = (s: KafkaState, type: KafkaTraceEntry['type']): number => seconds(entries(s, type)[0]?.atMs ?? -1000);
const lostKeys = (s: KafkaState): string =>
  entries(s, 'record-lost')
    .map((e) => e.key ?? '(no key)')
    .join(', ');
/** When the record with `key` was acknowledged to its producer (ms), or -1. */
const ackedAtMs = (s: KafkaState, key: string): number => {
  const appended = entries(s, 'record-appended').filter((e) => e.key === key);
  const acked = entries(s, 'produce-acked').find((a) =>
    appended.some((e) => e.partition === a.partition && e.offset >= a.baseOffset && e.offset < a.baseOffset + a.count),
  );
  return acked?.atMs ?? -1;
};
const failures = (s: KafkaState, error: string): number => entries(s, 'produce-failed').filter((e) => e.error === error).length;
/** The end of what `broker` had copied by `atMs` (from the trace of its fetches). */
const copiedBefore = (s: KafkaState, broker: string, atMs: number): number =>
  Math.max(
    0,
    ...entries(s, 'records-replicated')
      .filter((e) => e.broker === broker && e.atMs < atMs)
      .map((e) => e.toOffset),
  );
const linkLatencyMs = (s: KafkaState, to: string): number =>
  entries(s, 'link-changed').findLast((e) => e.to === to || e.from === to)?.latencyMs ?? -1;
const crashAtMs = (s: KafkaState): number => entries(s, 'broker-crashed')[0]?.atMs ?? -1;
const offlineSeconds = (s: KafkaState): number => {
  const off = entries(s, 'partition-offline')[0];
  const back = off && entries(s, 'leader-elected').find((e) => e.atMs > off.atMs);
  return off && back ? seconds(back.atMs - off.atMs) : -1;
};

export const lesson = defineLesson({
  id: 'L08',
  title: 'Replication and durability',
  minutes: 16,
  model: 'kafka',
  scenario: flowing(false, true),
  content,
  steps: [
    {
      id: 'in-sync',
      title: 'Three copies, one leader',
      commands: [advance(10_000)],
      highlight: [...allBrokers, n.topic('orders')],
      claims: [
        { id: 'brokers', text: 'on all 3 brokers', value: (s) => part(s).replicas.length, expected: 3 },
        { id: 'leader', text: 'broker-1 leads', value: leader, expected: 'broker-1' },
        { id: 'rate', text: '2 orders a second', value: (s) => Math.floor(records(s).produced / 10), expected: 2 },
        { id: 'isr', text: 'broker-1, broker-2, broker-3', value: isr, expected: 'broker-1, broker-2, broker-3' },
        { id: 'time', text: 'After 10 seconds', value: (s) => s.nowMs / 1000, expected: 10 },
        { id: 'hw', text: 'the high watermark is 20', value: hw, expected: 20 },
        {
          id: 'leos',
          text: 'every copy ends at offset 20',
          value: (s) => part(s).replicas.every((r) => r.logEndOffset === 20),
          expected: true,
        },
        { id: 'acked', text: 'all 20 orders have been acknowledged', value: (s) => records(s).acknowledged, expected: 20 },
      ],
    },
    {
      id: 'follower-falls-behind',
      title: 'A follower falls behind and leaves the ISR',
      commands: [{ type: 'cut-link', from: 'broker-1', to: 'broker-3' }, advance(42_000)],
      highlight: allBrokers,
      claims: [
        { id: 'shrunk', text: 'At 40 seconds', value: (s) => firstAt(s, 'isr-shrunk'), expected: 40 },
        { id: 'lag-time', text: '30 seconds after the cut', value: (s) => firstAt(s, 'isr-shrunk') - 10, expected: 30 },
        { id: 'isr', text: 'the ISR is broker-1, broker-2', value: isr, expected: 'broker-1, broker-2' },
        {
          id: 'stuck',
          text: 'broker-3 still ends at offset 20',
          value: (s) => replica(s, 'broker-3').logEndOffset,
          expected: 20,
        },
        { id: 'leader-leo', text: 'the leader is at 84', value: (s) => replica(s, 'broker-1').logEndOffset, expected: 84 },
        { id: 'hw', text: 'the high watermark has kept up with it, at 84', value: hw, expected: 84 },
        { id: 'acked', text: '84 orders acknowledged', value: (s) => records(s).acknowledged, expected: 84 },
      ],
    },
    {
      id: 'catches-up',
      title: 'It catches up and rejoins',
      commands: [{ type: 'heal-link', from: 'broker-1', to: 'broker-3' }, advance(75_000)],
      highlight: allBrokers,
      claims: [
        { id: 'rejoined', text: 'at about 70 seconds', value: (s) => Math.round(firstAt(s, 'isr-expanded')), expected: 70 },
        { id: 'isr', text: 'broker-1, broker-2, broker-3 again', value: isr, expected: 'broker-1, broker-2, broker-3' },
        {
          id: 'same',
          text: 'all three copies end at offset 150',
          value: (s) => part(s).replicas.every((r) => r.logEndOffset === 150),
          expected: true,
        },
        { id: 'lost', text: 'not one order was lost', value: (s) => records(s).lost, expected: 0 },
      ],
    },
    {
      id: 'acks-1-loss',
      title: 'acks=1: an acknowledged record is lost',
      scenario: scripted(1),
      commands: [...threeOrdersThenSlowLinks, ...crashAfterOrder4],
      highlight: [n.producer('checkout'), ...allBrokers],
      claims: [
        {
          id: 'three',
          text: 'order-1 to order-3 are on all three brokers',
          value: (s) => replica(s, 'broker-2').logEndOffset,
          expected: 3,
        },
        { id: 'slow', text: 'now takes 500 ms', value: (s) => linkLatencyMs(s, 'broker-3'), expected: 500 },
        {
          id: 'acked',
          text: 'acknowledged 7 ms after it was written',
          value: (s) => ackedAtMs(s, 'order-4') - 2_000,
          expected: 7,
        },
        { id: 'crash', text: 'crashes 100 ms after', value: (s) => crashAtMs(s) - 2_000, expected: 100 },
        { id: 'new-leader', text: 'broker-2 becomes leader', value: leader, expected: 'broker-2' },
        { id: 'lost', text: 'the lost counter goes to 1', value: (s) => records(s).lost, expected: 1 },
        { id: 'which', text: 'the lost record is order-4', value: lostKeys, expected: 'order-4' },
        { id: 'restart', text: 'broker-1 restarts at 5 seconds', value: (s) => firstAt(s, 'broker-restarted'), expected: 5 },
        { id: 'cut', text: 'cuts 1 record', value: (s) => entries(s, 'log-truncated')[0]?.removed ?? 0, expected: 1 },
        {
          id: 'end',
          text: 'every copy now ends at offset 3',
          value: (s) => part(s).replicas.every((r) => r.logEndOffset === 3),
          expected: true,
        },
      ],
    },
    {
      id: 'acks-all-keeps',
      title: 'acks=all with min.insync.replicas=2 keeps it',
      scenario: scripted('all'),
      commands: [...threeOrdersThenSlowLinks, ...crashAfterOrder4],
      highlight: [n.producer('checkout'), ...allBrokers],
      claims: [
        { id: 'min', text: 'min.insync.replicas is 2', value: () => 2, expected: 2 },
        { id: 'crash', text: 'broker-1 crashes 100 ms after the write', value: (s) => crashAtMs(s) - 2_000, expected: 100 },
        {
          id: 'not-yet',
          text: 'not been acknowledged when broker-1 crashes',
          value: (s) => ackedAtMs(s, 'order-4') > crashAtMs(s),
          expected: true,
        },
        { id: 'retry', text: 'retries it', value: (s) => failures(s, 'DISCONNECTED'), expected: 1 },
        {
          id: 'acked',
          text: 'acknowledged 119 ms after the crash',
          value: (s) => ackedAtMs(s, 'order-4') - crashAtMs(s),
          expected: 119,
        },
        { id: 'lost', text: 'The lost counter stays at 0', value: (s) => records(s).lost, expected: 0 },
        {
          id: 'end',
          text: 'every copy ends at offset 4',
          value: (s) => part(s).replicas.every((r) => r.logEndOffset === 4),
          expected: true,
        },
      ],
    },
    {
      id: 'not-enough-replicas',
      title: 'Too few in-sync replicas: writes are refused',
      commands: [crash(1), crash(3), produce('order-5'), advance(9_000), restart(3), advance(12_000)],
      highlight: [n.producer('checkout'), ...allBrokers],
      claims: [
        { id: 'refused', text: 'refused 6 times', value: (s) => failures(s, 'NOT_ENOUGH_REPLICAS'), expected: 6 },
        { id: 'acked', text: 'acknowledged at 9.6 seconds', value: (s) => seconds(ackedAtMs(s, 'order-5')), expected: 9.6 },
        { id: 'isr', text: 'the ISR is broker-2, broker-3', value: isr, expected: 'broker-2, broker-3' },
        { id: 'lost', text: 'still 0', value: (s) => records(s).lost, expected: 0 },
      ],
    },
    {
      id: 'clean-waits',
      title: 'Every in-sync replica down: clean election waits',
      scenario: flowing(false, false),
      commands: [
        advance(5_000),
        { type: 'cut-link', from: 'broker-1', to: 'broker-3' },
        advance(40_000),
        crash(1),
        crash(2),
        { type: 'heal-link', from: 'broker-1', to: 'broker-3' },
        advance(50_000),
        restart(2),
        advance(60_000),
      ],
      highlight: [...allBrokers, n.topic('orders')],
      claims: [
        {
          id: 'shrunk',
          text: 'broker-3 has been out of the ISR since 35 seconds',
          value: (s) => firstAt(s, 'isr-shrunk'),
          expected: 35,
        },
        { id: 'stale', text: 'it holds only 10 orders', value: (s) => copiedBefore(s, 'broker-3', 40_000), expected: 10 },
        { id: 'crash', text: 'at 40 seconds', value: (s) => seconds(crashAtMs(s)), expected: 40 },
        { id: 'offline', text: 'stays offline for 10 seconds', value: offlineSeconds, expected: 10 },
        { id: 'leader', text: 'broker-2 leads again', value: leader, expected: 'broker-2' },
        { id: 'lost', text: 'the lost counter is 0', value: (s) => records(s).lost, expected: 0 },
      ],
    },
    {
      id: 'unclean-election',
      title: 'Unclean election: back at once, records gone',
      scenario: flowing(true, false),
      commands: [
        advance(5_000),
        { type: 'cut-link', from: 'broker-1', to: 'broker-3' },
        advance(40_000),
        crash(1),
        crash(2),
        { type: 'heal-link', from: 'broker-1', to: 'broker-3' },
        advance(50_000),
        restart(2),
        advance(60_000),
      ],
      highlight: [...allBrokers, n.topic('orders')],
      claims: [
        {
          id: 'unclean',
          text: 'broker-3 becomes leader at once',
          value: (s) => entries(s, 'leader-elected').some((e) => e.unclean && e.broker === 'broker-3' && e.atMs === 40_000),
          expected: true,
        },
        { id: 'lost', text: 'the lost counter jumps to 70', value: (s) => records(s).lost, expected: 70 },
        {
          id: 'had',
          text: 'the 80 acknowledged orders',
          value: (s) =>
            entries(s, 'produce-acked')
              .filter((e) => e.atMs <= 40_000)
              .reduce((sum, e) => sum + e.count, 0),
          expected: 80,
        },
        {
          id: 'refused',
          text: 'refuses writes with NOT_ENOUGH_REPLICAS until broker-2 is back at 50 seconds',
          value: (s) => failures(s, 'NOT_ENOUGH_REPLICAS') > 0 && firstAt(s, 'broker-restarted') === 50,
          expected: true,
        },
        {
          id: 'cut',
          text: 'cuts 70 records from its own copy',
          value: (s) => entries(s, 'log-truncated')[0]?.removed ?? 0,
          expected: 70,
        },
      ],
    },
  ],
  predict: { stepId: 'acks-all-keeps', answer: 'c' },
  challenge: {
    solution: {
      scenario: challengeScenario,
      commands: [...threeOrdersThenSlowLinks, produce('order-10'), advance(5_000)],
      claims: [
        { id: 'crash', text: 'crash at 2.1 seconds', value: (s) => seconds(crashAtMs(s)), expected: 2.1 },
        { id: 'acked', text: 'order-10 is acknowledged', value: (s) => ackedAtMs(s, 'order-10') > 0, expected: true },
        { id: 'leader', text: 'on broker-2', value: leader, expected: 'broker-2' },
        { id: 'lost', text: 'the lost counter stays at 0', value: (s) => records(s).lost, expected: 0 },
      ],
    },
    setupCommands: threeOrdersThenSlowLinks.length,
    controls: ['produce'],
    goals: [
      {
        id: 'before-crash',
        text: 'you wrote a new order before broker-1 crashed',
        pass: (s) => entries(s, 'record-produced').some((e) => e.atMs >= 2_000 && e.atMs < 2_100),
      },
      {
        id: 'acked',
        text: 'that order was acknowledged to its producer',
        pass: (s) => {
          const mine = entries(s, 'record-produced').filter((e) => e.atMs >= 2_000 && e.atMs < 2_100);
          return mine.some((e) => e.key !== null && ackedAtMs(s, e.key) > 0);
        },
      },
      {
        id: 'kept',
        text: 'broker-1 has crashed and no acknowledged order was lost',
        pass: (s) => crashAtMs(s) >= 0 && records(s).lost === 0,
      },
    ],
  },
});
