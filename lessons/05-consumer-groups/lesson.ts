/**
 * L05 · Consumer groups and rebalancing: one group over two topics under range, round-robin,
 * sticky and cooperative-sticky; a consumer joins, leaves cleanly, and crashes (its partitions
 * wait for session.timeout.ms); more consumers than partitions leaves one idle; eager rebalances
 * revoke everything, cooperative ones only what moves, over two rounds. Prose in content.md.
 */
import type { AssignorName, KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaNode as n, kafkaRead as read } from '../../simulator/index.ts';
import content from './content.md?raw';

const scenario = (assignor: AssignorName): KafkaScenario => ({
  version: 1,
  name: `consumer groups (${assignor})`,
  brokers: [{ id: 1 }],
  topics: [
    { name: 'orders', partitions: 3, replicationFactor: 1 },
    { name: 'payments', partitions: 3, replicationFactor: 1 },
  ],
  producers: [
    {
      id: 'shop',
      topic: 'orders',
      ratePerSec: 10,
      keys: { type: 'uniform', keys: 50, prefix: 'order-' },
      eventType: 'OrderPlaced',
    },
    {
      id: 'cashier',
      topic: 'payments',
      ratePerSec: 10,
      keys: { type: 'uniform', keys: 50, prefix: 'order-' },
      eventType: 'PaymentCharged',
    },
  ],
  groups: [
    { id: 'billing', topics: ['orders', 'payments'], consumers: 2, processingMs: 5, commit: { type: 'after-process' }, assignor },
  ],
  trace: { mode: 'full' },
});

const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const join: KafkaCommand = { type: 'add-consumer', group: 'billing' };
const owns = (s: KafkaState, c: string): string => read.owned(s, 'billing', c);
const count = (s: KafkaState, c: string): number =>
  owns(s, c)
    .split(', ')
    .filter((x) => x !== '').length;
const all = ['billing-c1', 'billing-c2', 'billing-c3'];
const highlightGroup = [n.group('billing'), n.topic('orders'), n.topic('payments')];

export const lesson = defineLesson({
  id: 'L05',
  title: 'Consumer groups and rebalancing',
  minutes: 15,
  model: 'kafka',
  scenario: scenario('range'),
  content,
  steps: [
    {
      id: 'range',
      title: 'Range: topic by topic',
      commands: [advance(5_000)],
      highlight: highlightGroup,
      claims: [
        {
          id: 'partitions',
          text: 'orders and payments, 3 partitions each',
          value: (s) => `${read.partitionCount(s, 'orders')} ${read.partitionCount(s, 'payments')}`,
          expected: '3 3',
        },
        { id: 'members', text: 'billing has 2 consumers', value: (s) => read.members(s, 'billing'), expected: 2 },
        { id: 'assignor', text: 'the range assignor', value: (s) => read.assignor(s, 'billing'), expected: 'range' },
        {
          id: 'c1',
          text: 'billing-c1 gets orders-0, orders-1, payments-0, payments-1',
          value: (s) => owns(s, 'billing-c1'),
          expected: 'orders-0, orders-1, payments-0, payments-1',
        },
        {
          id: 'c2',
          text: 'billing-c2 gets orders-2, payments-2',
          value: (s) => owns(s, 'billing-c2'),
          expected: 'orders-2, payments-2',
        },
        {
          id: 'uneven',
          text: '4 partitions against 2',
          value: (s) => `${count(s, 'billing-c1')} ${count(s, 'billing-c2')}`,
          expected: '4 2',
        },
      ],
    },
    {
      id: 'round-robin',
      title: 'Round-robin: one partition at a time',
      scenario: scenario('roundrobin'),
      commands: [advance(5_000)],
      highlight: highlightGroup,
      claims: [
        {
          id: 'c1',
          text: 'billing-c1 gets orders-0, orders-2, payments-1',
          value: (s) => owns(s, 'billing-c1'),
          expected: 'orders-0, orders-2, payments-1',
        },
        {
          id: 'c2',
          text: 'billing-c2 gets orders-1, payments-0, payments-2',
          value: (s) => owns(s, 'billing-c2'),
          expected: 'orders-1, payments-0, payments-2',
        },
        { id: 'even', text: '3 each', value: (s) => `${count(s, 'billing-c1')} ${count(s, 'billing-c2')}`, expected: '3 3' },
      ],
    },
    {
      id: 'round-robin-join',
      title: 'A consumer joins: round-robin starts over',
      commands: [join, advance(10_000)],
      highlight: [n.group('billing'), n.consumer('billing-c3')],
      claims: [
        { id: 'generation', text: 'generation 2', value: (s) => read.generation(s, 'billing'), expected: 2 },
        {
          id: 'now',
          text: 'orders-0, payments-0 for billing-c1, orders-1, payments-1 for billing-c2 and orders-2, payments-2 for billing-c3',
          value: (s) => all.map((c) => owns(s, c)).join(' | '),
          expected: 'orders-0, payments-0 | orders-1, payments-1 | orders-2, payments-2',
        },
        {
          id: 'moved',
          text: '4 of the 6 partitions changed owner',
          value: (s) => read.movedBetween(s, 'billing', 1, 2),
          expected: 4,
        },
        {
          id: 'revoked',
          text: 'all 6 partitions were revoked',
          value: (s) => read.revokedSince(s, 'billing', 5_000),
          expected: 6,
        },
      ],
    },
    {
      id: 'sticky-join',
      title: 'Sticky: keep what you can',
      scenario: scenario('sticky'),
      commands: [advance(5_000), join, advance(10_000)],
      highlight: [n.group('billing'), n.consumer('billing-c3')],
      claims: [
        {
          id: 'before',
          text: 'the same start as round-robin',
          value: (s) => `${read.assignedIn(s, 'billing', 1, 'billing-c1')} | ${read.assignedIn(s, 'billing', 1, 'billing-c2')}`,
          expected: 'orders-0, orders-2, payments-1 | orders-1, payments-0, payments-2',
        },
        {
          id: 'now',
          text: 'billing-c1 keeps orders-0, payments-1, billing-c2 keeps orders-1, payments-0, and billing-c3 gets orders-2, payments-2',
          value: (s) => all.map((c) => owns(s, c)).join(' | '),
          expected: 'orders-0, payments-1 | orders-1, payments-0 | orders-2, payments-2',
        },
        {
          id: 'moved',
          text: 'Only 2 partitions changed owner',
          value: (s) => read.movedBetween(s, 'billing', 1, 2),
          expected: 2,
        },
        { id: 'revoked', text: 'all 6 were revoked', value: (s) => read.revokedSince(s, 'billing', 5_000), expected: 6 },
      ],
    },
    {
      id: 'cooperative-join',
      title: 'Cooperative: revoke only what moves',
      scenario: scenario('cooperative-sticky'),
      commands: [advance(5_000), join, advance(10_000)],
      highlight: [n.group('billing'), n.consumer('billing-c3')],
      claims: [
        {
          id: 'now',
          text: 'the same assignment as sticky',
          value: (s) => all.map((c) => owns(s, c)).join(' | '),
          expected: 'orders-0, payments-1 | orders-1, payments-0 | orders-2, payments-2',
        },
        {
          id: 'revoked',
          text: 'only 2 partitions were revoked',
          value: (s) => read.revokedSince(s, 'billing', 5_000),
          expected: 2,
        },
        { id: 'rounds', text: 'it took 2 rebalances', value: (s) => read.rebalancesSince(s, 'billing', 5_000), expected: 2 },
        {
          id: 'follow-up',
          text: 'asked for a second round',
          value: (s) => read.followUpSince(s, 'billing', 5_000),
          expected: true,
        },
        {
          id: 'idle-first',
          text: 'billing-c3 got nothing in generation 2',
          value: (s) => read.assignedIn(s, 'billing', 2, 'billing-c3'),
          expected: '',
        },
        { id: 'generation', text: 'generation 3', value: (s) => read.generation(s, 'billing'), expected: 3 },
      ],
    },
    {
      id: 'leave',
      title: 'A consumer leaves cleanly',
      commands: [{ type: 'remove-consumer', consumer: 'billing-c3' }, advance(15_000)],
      highlight: [n.group('billing'), n.consumer('billing-c3')],
      claims: [
        { id: 'members', text: 'the group is down to 2 members', value: (s) => read.members(s, 'billing'), expected: 2 },
        { id: 'generation', text: 'generation 4', value: (s) => read.generation(s, 'billing'), expected: 4 },
        {
          id: 'when',
          text: 'within 3 seconds',
          value: (s) =>
            (read.rebalanceDoneAtMs(s, 'billing', 4) - read.consumerEventAtMs(s, 'consumer-left', 'billing-c3')) / 1000 <= 3,
          expected: true,
        },
        {
          id: 'back',
          text: 'billing-c1 has orders-0, orders-2, payments-1 and billing-c2 has orders-1, payments-0, payments-2',
          value: (s) => `${owns(s, 'billing-c1')} | ${owns(s, 'billing-c2')}`,
          expected: 'orders-0, orders-2, payments-1 | orders-1, payments-0, payments-2',
        },
        { id: 'lag', text: 'lag is 0', value: (s) => read.groupLag(s, 'billing'), expected: 0 },
      ],
    },
    {
      id: 'crash',
      title: 'A consumer crashes',
      commands: [{ type: 'crash-consumer', consumer: 'billing-c2' }, advance(45_000)],
      highlight: [n.consumer('billing-c2'), n.group('billing')],
      claims: [
        { id: 'after', text: '30 seconds after the crash', value: (s) => read.nowSeconds(s) - 15, expected: 30 },
        { id: 'members', text: 'billing still has 2 members', value: (s) => read.members(s, 'billing'), expected: 2 },
        {
          id: 'still-owns',
          text: 'billing-c2 still owns orders-1, payments-0, payments-2',
          value: (s) => owns(s, 'billing-c2'),
          expected: 'orders-1, payments-0, payments-2',
        },
        {
          id: 'lag-c2',
          text: 'lag of 294 on its 3 partitions',
          value: (s) =>
            read.partitionLagOf(s, 'billing', 'orders', 1) +
            read.partitionLagOf(s, 'billing', 'payments', 0) +
            read.partitionLagOf(s, 'billing', 'payments', 2),
          expected: 294,
        },
        { id: 'lag', text: 'the group lag is 294', value: (s) => read.groupLag(s, 'billing'), expected: 294 },
      ],
    },
    {
      id: 'session-timeout',
      title: 'The session times out',
      commands: [advance(70_000)],
      highlight: [n.consumer('billing-c1'), n.group('billing')],
      claims: [
        {
          id: 'timeout',
          text: 'session.timeout.ms is 45,000',
          value: (s) => read.sessionTimeoutMs(s, 'billing'),
          expected: 45000,
        },
        {
          id: 'removed-at',
          text: 'removes it at 60 seconds',
          value: (s) => Math.floor(read.consumerEventAtMs(s, 'consumer-left-session-timeout', 'billing-c2') / 1000),
          expected: 60,
        },
        { id: 'members', text: 'a group of 1', value: (s) => read.members(s, 'billing'), expected: 1 },
        {
          id: 'c1-all',
          text: 'billing-c1 owns all 6 partitions',
          value: (s) => count(s, 'billing-c1'),
          expected: 6,
        },
        { id: 'time', text: 'at 70 seconds', value: read.nowSeconds, expected: 70 },
        { id: 'lag', text: 'the lag is back to 0', value: (s) => read.groupLag(s, 'billing'), expected: 0 },
      ],
    },
    {
      id: 'too-many',
      title: 'More consumers than partitions',
      commands: [join, join, join, join, join, join, advance(80_000)],
      // The idle consumer the prose names, beside the two that joined just before it and each own a
      // partition: the group sits at the middle of its nine consumers, too far above them to show
      // all at a readable size.
      highlight: [n.consumer('billing-c7'), n.consumer('billing-c8'), n.consumer('billing-c9')],
      claims: [
        { id: 'added', text: 'Add 6 consumers', value: (s) => read.members(s, 'billing') - 1, expected: 6 },
        {
          id: 'members',
          text: '7 consumers for 6 partitions',
          value: (s) =>
            `${read.members(s, 'billing')} consumers for ${read.partitionCount(s, 'orders') + read.partitionCount(s, 'payments')} partitions`,
          expected: '7 consumers for 6 partitions',
        },
        {
          id: 'one-each',
          text: 'six of them own 1 partition each',
          value: (s) => s.k.consumers.filter((c) => c.alive && c.assigned.length === 1).length,
          expected: 6,
        },
        { id: 'idle', text: 'and 1 is idle', value: (s) => read.idleMembers(s, 'billing'), expected: 1 },
        { id: 'which', text: 'billing-c9 owns nothing', value: (s) => owns(s, 'billing-c9'), expected: '' },
      ],
    },
  ],
  predict: { stepId: 'cooperative-join', answer: 'b' },
  challenge: {
    solution: {
      scenario: scenario('cooperative-sticky'),
      commands: [advance(5_000), join, join, join, join, advance(15_000)],
      claims: [
        {
          id: 'six',
          text: 'Add 4 consumers, for 6 in all',
          value: (s) => `${read.members(s, 'billing') - 2} ${read.members(s, 'billing')}`,
          expected: '4 6',
        },
        {
          id: 'one-each',
          text: 'every consumer owns exactly 1 partition',
          value: (s) => s.k.consumers.every((c) => c.assigned.length === 1),
          expected: true,
        },
        { id: 'idle', text: 'none is idle', value: (s) => read.idleMembers(s, 'billing'), expected: 0 },
        {
          id: 'revoked',
          text: 'only 4 partitions were revoked',
          value: (s) => read.revokedSince(s, 'billing', 5_000),
          expected: 4,
        },
        {
          id: 'kept',
          text: 'billing-c1 and billing-c2 each kept 1 of their 3',
          value: (s) =>
            ['billing-c1', 'billing-c2']
              .map((c) => {
                const before = read.assignedIn(s, 'billing', 1, c).split(', ');
                return `${count(s, c)}/${before.length} ${before.includes(owns(s, c))}`;
              })
              .join(' '),
          expected: '1/3 true 1/3 true',
        },
      ],
    },
    setupCommands: 1,
    controls: ['group'],
    goals: [
      { id: 'six', text: 'billing has grown to 6 consumers', pass: (s) => read.members(s, 'billing') === 6 },
      {
        id: 'one-each',
        text: 'the group has settled and each consumer owns exactly 1 partition, so none is idle',
        pass: (s) =>
          read.members(s, 'billing') === 6 &&
          read.idleMembers(s, 'billing') === 0 &&
          s.k.groups.find((g) => g.id === 'billing')?.phase === 'stable' &&
          s.k.consumers.filter((c) => c.phase !== 'left').every((c) => c.assigned.length === 1),
      },
      {
        id: 'fewest',
        text: 'no more than 4 partitions were revoked on the way, the fewest possible',
        pass: (s) => read.members(s, 'billing') === 6 && read.revokedSince(s, 'billing', 0) <= 4,
      },
    ],
  },
});
