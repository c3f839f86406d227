/**
 * L07 · Retention, replay, compaction: a group reset to earliest processes the log again (counted
 * as replayed, not duplicated); new groups start at earliest or latest; time-based retention moves
 * the log start offset, so "earliest" means the oldest record still kept; a compacted topic keeps
 * the newest record per key, with gaps in its offsets. Prose in content.md.
 */
import type { GroupSpec, KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaNode as n, kafkaRead as read } from '../../simulator/index.ts';
import content from './content.md?raw';

const RETENTION_MS = 60_000;
/** Small segments, so retention and compaction act on a topic this small, as Kafka's would. */
const ORDERS_SEGMENT = 10;
const STATUS_SEGMENT = 1;

const scenario: KafkaScenario = {
  version: 1,
  name: 'retention, replay, compaction',
  brokers: [{ id: 1 }],
  topics: [
    // One partition, so offsets read as a single line: 0 is the first order, 29 the thirtieth.
    { name: 'orders', partitions: 1, replicationFactor: 1, retentionMs: RETENTION_MS, segmentRecords: ORDERS_SEGMENT },
    { name: 'order-status', partitions: 1, replicationFactor: 1, cleanupPolicy: 'compact', segmentRecords: STATUS_SEGMENT },
  ],
  producers: [
    {
      id: 'shop',
      topic: 'orders',
      ratePerSec: 2,
      keys: { type: 'uniform', keys: 100, prefix: 'order-' },
      eventType: 'OrderPlaced',
      startAtMs: 5_000,
      stopAtMs: 20_000,
    },
  ],
  groups: [{ id: 'analytics', topics: ['orders'], consumers: 1, processingMs: 10, commit: { type: 'after-process' } }],
  trace: { mode: 'full' },
};

const group = (id: string, topic: string, extra: Partial<GroupSpec> = {}): GroupSpec => ({
  id,
  topics: [topic],
  consumers: 1,
  processingMs: 10,
  commit: { type: 'after-process' },
  ...extra,
});
const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const order = (i: number): KafkaCommand => ({
  type: 'produce',
  producer: 'shop',
  topic: 'orders',
  key: `order-${i}`,
  value: { type: 'OrderPlaced', orderId: `order-${i}` },
});
const status = (orderId: string, value: string): KafkaCommand => ({
  type: 'produce',
  producer: 'shop',
  topic: 'order-status',
  key: orderId,
  value: { orderId, status: value },
});
/** Stop analytics, move its offsets, start it again: Kafka resets only a group with no members. */
const resetAnalytics = (to: Extract<KafkaCommand, { type: 'reset-offsets' }>['to'], atMs: number): KafkaCommand[] => [
  { type: 'remove-consumer', consumer: 'analytics-c1' },
  advance(atMs + 100),
  { type: 'reset-offsets', group: 'analytics', topic: 'orders', to },
  { type: 'add-consumer', group: 'analytics' },
];
/** Base offsets of a one-partition, one-replica topic's segments, oldest first (the last is active). */
const segmentBases = (s: KafkaState, topic: number): string => s.k.parts[s.k.topics[topic]!.firstPid]!.logs[0]!.segs.join(', ');
const resetTo = (s: KafkaState): number => {
  const e = s.trace.entries.find((x) => x.type === 'offsets-reset');
  return e?.type === 'offsets-reset' ? (e.offsets[0] ?? -1) : -1;
};

/** Where the group's latest reset moved its offset (-1 before any). */
const lastResetTo = (s: KafkaState): number => {
  const e = s.trace.entries.findLast((x) => x.type === 'offsets-reset' && x.group === 'analytics');
  return e?.type === 'offsets-reset' ? (e.offsets[0] ?? -1) : -1;
};

export const lesson = defineLesson({
  id: 'L07',
  title: 'Retention, replay, compaction',
  minutes: 14,
  model: 'kafka',
  scenario,
  content,
  steps: [
    {
      id: 'processed-once',
      title: 'A group reads the log once',
      commands: [advance(25_000)],
      highlight: [n.producer('shop'), n.topic('orders'), n.group('analytics')],
      claims: [
        { id: 'rate', text: 'writes 2 orders a second', value: (s) => s.k.producers[0]!.ratePerSec, expected: 2 },
        {
          id: 'window',
          text: 'from 5 to 20 seconds',
          value: (s) => `${s.k.producers[0]!.startAtMs / 1000} ${(s.k.producers[0]!.stopAtMs ?? 0) / 1000}`,
          expected: '5 20',
        },
        { id: 'written', text: '30 orders in all', value: (s) => read.producedBy(s, 'shop'), expected: 30 },
        {
          id: 'offsets',
          text: 'offsets 0 to 29',
          value: (s) => `${read.logStart(s, 'orders', 0)} ${read.logEnd(s, 'orders', 0) - 1}`,
          expected: '0 29',
        },
        { id: 'processed', text: 'analytics has processed all 30', value: (s) => read.delivered(s, 'analytics'), expected: 30 },
        {
          id: 'committed',
          text: 'its committed offset is 30',
          value: (s) => read.committed(s, 'analytics', 'orders', 0),
          expected: 30,
        },
        { id: 'lag', text: 'lag 0', value: (s) => read.groupLag(s, 'analytics'), expected: 0 },
      ],
    },
    {
      id: 'reset-to-earliest',
      title: 'Reset the group to earliest',
      commands: [...resetAnalytics('earliest', 25_000), advance(35_000)],
      highlight: [n.group('analytics'), n.consumer('analytics-c2'), n.topic('orders')],
      claims: [
        { id: 'reset', text: 'moves the committed offset back to 0', value: resetTo, expected: 0 },
        { id: 'replayed', text: 'all 30 records are processed again', value: (s) => read.replayed(s, 'analytics'), expected: 30 },
        { id: 'delivered', text: 'analytics has now processed 60', value: (s) => read.delivered(s, 'analytics'), expected: 60 },
        { id: 'duplicated', text: 'duplicates: 0', value: (s) => read.duplicated(s, 'analytics'), expected: 0 },
        { id: 'log', text: 'The log itself did not change', value: (s) => read.stored(s, 'orders', 0), expected: 30 },
      ],
    },
    {
      id: 'earliest-vs-latest',
      title: 'New groups: earliest or latest',
      commands: [
        { type: 'add-group', group: group('audit', 'orders', { autoOffsetReset: 'earliest' }) },
        { type: 'add-group', group: group('live', 'orders') },
        advance(40_000),
        order(201),
        order(202),
        order(203),
        order(204),
        advance(45_000),
      ],
      highlight: [n.group('audit'), n.group('live'), n.topic('orders')],
      claims: [
        {
          id: 'audit-reset',
          text: 'audit with auto.offset.reset=earliest',
          value: (s) => read.offsetReset(s, 'audit'),
          expected: 'earliest',
        },
        {
          id: 'live-reset',
          text: 'live with the default, latest',
          value: (s) => read.offsetReset(s, 'live'),
          expected: 'latest',
        },
        { id: 'more', text: 'the shop writes 4 more orders', value: (s) => read.producedBy(s, 'shop') - 30, expected: 4 },
        { id: 'audit', text: 'audit has processed 34', value: (s) => read.delivered(s, 'audit'), expected: 34 },
        {
          id: 'audit-from',
          text: 'from offset 0',
          value: (s) => read.firstProcessedOffset(s, 'audit', 'orders', 0),
          expected: 0,
        },
        { id: 'live', text: 'live has processed 4', value: (s) => read.delivered(s, 'live'), expected: 4 },
        {
          id: 'live-from',
          text: 'starting at offset 30',
          value: (s) => read.firstProcessedOffset(s, 'live', 'orders', 0),
          expected: 30,
        },
      ],
    },
    {
      id: 'retention',
      title: 'Retention deletes old records',
      commands: [advance(85_000)],
      highlight: [n.topic('orders')],
      claims: [
        { id: 'retention', text: 'retention.ms of 60,000', value: () => RETENTION_MS, expected: 60000 },
        {
          id: 'segment',
          text: 'a new segment every 10 records',
          value: (s) => s.k.topics[0]!.segmentRecords,
          expected: 10,
        },
        {
          id: 'segments-gone',
          text: 'its first three segments',
          value: (s) => s.trace.entries.filter((e) => e.type === 'retention-deleted' && e.topic === 'orders').length,
          expected: 3,
        },
        {
          id: 'active',
          text: 'the one segment left',
          value: (s) => segmentBases(s, 0),
          expected: '30',
        },
        { id: 'now', text: 'At 85 seconds', value: read.nowSeconds, expected: 85 },
        {
          id: 'deleted',
          text: 'the 30 orders written between 5 and 20 seconds are gone',
          value: (s) => read.logStart(s, 'orders', 0),
          expected: 30,
        },
        {
          id: 'window',
          text: 'between 5 and 20 seconds',
          value: (s) => `${s.k.producers[0]!.startAtMs / 1000} ${(s.k.producers[0]!.stopAtMs ?? 0) / 1000}`,
          expected: '5 20',
        },
        { id: 'start', text: 'the log start offset is now 30', value: (s) => read.logStart(s, 'orders', 0), expected: 30 },
        { id: 'end', text: 'the log end offset is still 34', value: (s) => read.logEnd(s, 'orders', 0), expected: 34 },
        { id: 'stored', text: 'it holds 4 records', value: (s) => read.stored(s, 'orders', 0), expected: 4 },
        { id: 'kept-at', text: 'written at 40 seconds', value: (s) => s.k.rec.ts[30]! / 1000, expected: 40 },
        { id: 'expire', text: 'until 100 seconds', value: (s) => (s.k.rec.ts[30]! + RETENTION_MS) / 1000, expected: 100 },
      ],
    },
    {
      id: 'earliest-after-retention',
      title: 'Earliest means the oldest record kept',
      commands: [{ type: 'add-group', group: group('reports', 'orders', { autoOffsetReset: 'earliest' }) }, advance(92_000)],
      highlight: [n.group('reports'), n.topic('orders')],
      claims: [
        { id: 'processed', text: 'reports processes 4 records', value: (s) => read.delivered(s, 'reports'), expected: 4 },
        {
          id: 'from',
          text: 'starting at offset 30',
          value: (s) => read.firstProcessedOffset(s, 'reports', 'orders', 0),
          expected: 30,
        },
        {
          id: 'not-zero',
          text: 'Earliest is not offset 0',
          value: (s) => read.firstProcessedOffset(s, 'reports', 'orders', 0) === 0,
          expected: false,
        },
      ],
    },
    {
      id: 'compaction',
      title: 'Compaction keeps the last value per key',
      // One update at a time, each its own batch, so each lands in a segment of its own.
      commands: [
        status('order-1', 'placed'),
        advance(92_100),
        status('order-2', 'placed'),
        advance(92_200),
        status('order-1', 'paid'),
        advance(92_300),
        status('order-3', 'placed'),
        advance(92_400),
        status('order-1', 'shipped'),
        advance(92_500),
        status('order-2', 'paid'),
        advance(94_000),
        { type: 'add-group', group: group('status-view', 'order-status', { autoOffsetReset: 'earliest' }) },
        advance(99_000),
      ],
      highlight: [n.topic('order-status'), n.group('status-view')],
      claims: [
        { id: 'written', text: 'writes 6 status updates', value: (s) => read.logEnd(s, 'order-status', 0), expected: 6 },
        {
          id: 'segment',
          text: 'segments of one record each',
          value: (s) => s.k.topics[1]!.segmentRecords,
          expected: 1,
        },
        { id: 'stored', text: 'the topic holds 4 records', value: (s) => read.stored(s, 'order-status', 0), expected: 4 },
        {
          id: 'offsets',
          text: 'at offsets 1, 3, 4, 5',
          value: (s) => read.storedOffsets(s, 'order-status', 0),
          expected: '1, 3, 4, 5',
        },
        {
          id: 'removed',
          text: 'The cleaner removed 2',
          value: (s) => read.logEnd(s, 'order-status', 0) - read.stored(s, 'order-status', 0),
          expected: 2,
        },
        {
          id: 'active',
          text: 'offset 5 is the active segment',
          value: (s) => segmentBases(s, 1).split(', ').at(-1) ?? '',
          expected: '5',
        },
        { id: 'end', text: 'The log end offset is still 6', value: (s) => read.logEnd(s, 'order-status', 0), expected: 6 },
        {
          id: 'read',
          text: 'order-2 placed, order-3 placed, order-1 shipped, order-2 paid',
          value: (s) => read.processedStatuses(s, 'status-view'),
          expected: 'order-2 placed, order-3 placed, order-1 shipped, order-2 paid',
        },
      ],
    },
  ],
  predict: { stepId: 'earliest-after-retention', answer: 'b' },
  challenge: {
    solution: {
      scenario,
      commands: [advance(25_000), ...resetAnalytics({ timestampMs: 15_000 }, 25_000), advance(35_000)],
      claims: [
        {
          id: 'when',
          text: 'After 25 seconds',
          value: (s) => (s.trace.entries.find((e) => e.type === 'offsets-reset')?.atMs ?? 0) / 1000 >= 25,
          expected: true,
        },
        { id: 'from', text: 'written at or after 15 seconds', value: (s) => s.k.rec.ts[resetTo(s)]! / 1000, expected: 15 },
        { id: 'offset', text: 'the first such record is at offset 20', value: resetTo, expected: 20 },
        { id: 'replayed', text: 'analytics replays 10 records', value: (s) => read.replayed(s, 'analytics'), expected: 10 },
        { id: 'total', text: 'for 40 processed in all', value: (s) => read.delivered(s, 'analytics'), expected: 40 },
      ],
    },
    setupCommands: 1,
    controls: ['group'],
    goals: [
      {
        id: 'reset-to-20',
        text: "analytics' offsets were reset to the first record at or after 15 seconds (offset 20)",
        pass: (s) => lastResetTo(s) === 20,
      },
      {
        id: 'replayed',
        text: 'analytics replayed the 10 records from offset 20 on, and nothing before',
        pass: (s) => read.replayed(s, 'analytics') === 10 && read.delivered(s, 'analytics') === 40,
      },
    ],
  },
});
