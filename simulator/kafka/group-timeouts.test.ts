/**
 * Scenario tests for a coordinator that loses touch with a member: REBALANCE_IN_PROGRESS in the
 * answer to a heartbeat, the rebalance timeout that ends a join phase without members who never
 * rejoined, and UNKNOWN_MEMBER_ID for a member the group has already removed.
 */
import { describe, expect, it } from 'vitest';
import type { GroupSpec, KafkaScenario, KafkaEngineCommand } from './scenario/types.ts';
import { coordinatorOf } from './group.ts';
import { createKafkaSim } from './kafka-sim.ts';
import { readLog } from './replication.ts';
import { baseScenario, world, type World } from './test-kit.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

function groupWorld(group: Partial<GroupSpec>, tuning: Parameters<typeof world>[2] = {}): World {
  return world(
    baseScenario({
      topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
      groups: [
        { id: 'billing', topics: ['orders'], consumers: 2, consumerIds: ['c1', 'c2'], autoOffsetReset: 'earliest', ...group },
      ],
    }),
    1,
    tuning,
  );
}

const owned = (w: World) => Object.fromEntries(w.summary().groups[0]!.members.map((m) => [m.consumer, m.partitions]));
const coordinator = (w: World) => `broker-${coordinatorOf(w.s, 0)}`;

describe('a member cut off from the coordinator when a rebalance starts (property regression)', () => {
  // Found by the property test (fast-check seed -672911450, shrunk): g0c2's link to the
  // coordinator is cut when g0c1's restart starts a rebalance, so the REBALANCE_IN_PROGRESS meant
  // for its next heartbeat never reaches it. The link heals at once; Kafka answers the next
  // heartbeat that arrives with REBALANCE_IN_PROGRESS (GroupCoordinator.handleHeartbeat), and the
  // member rejoins. The round then still waits for g0c1's old member (crashed, not rejoining) until
  // its session times out at 3301, as Kafka's would: a member that has not rejoined must keep
  // heartbeating (MemberMetadata.hasSatisfiedHeartbeat), and its deadline was last set when the
  // first round completed at 301 (GroupCoordinator.onCompleteJoin schedules every member's next
  // heartbeat expiration). The model used to wait for g0c2 for ever,
  // and g0 never processed its records.
  const scenario: KafkaScenario = {
    version: 1,
    name: 'property',
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
    producers: [
      {
        id: 'p1',
        topic: 'orders',
        ratePerSec: 50,
        count: 10,
        keys: { type: 'none' },
        acks: 0,
        idempotent: false,
        stickyBatchSize: 7,
      },
    ],
    groups: [
      {
        id: 'g0',
        topics: ['orders'],
        consumers: 2,
        consumerIds: ['g0c1', 'g0c2'],
        assignor: 'range',
        commit: { type: 'after-process' },
        processingMs: 0,
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 3000,
        heartbeatIntervalMs: 500,
      },
      {
        id: 'g1',
        topics: ['orders'],
        consumers: 1,
        consumerIds: ['g1c1'],
        assignor: 'range',
        commit: { type: 'after-process' },
        processingMs: 0,
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 3000,
        heartbeatIntervalMs: 500,
      },
    ],
    trace: { mode: 'full' },
    tasksMax: 2_000_000,
  };
  const faults: Array<{ atMs: number; command: KafkaEngineCommand }> = [
    { atMs: 1, command: { type: 'crash-consumer', consumer: 'g0c1' } },
    { atMs: 302, command: { type: 'cut-link', from: 'g0c2', to: 'broker-2' } },
    { atMs: 701, command: { type: 'restart-consumer', consumer: 'g0c1' } },
    { atMs: 702, command: { type: 'heal-link', from: 'g0c2', to: 'broker-2' } },
  ];

  it('hears REBALANCE_IN_PROGRESS at its first heartbeat after the link heals, rejoins, and the group processes everything', () => {
    const tuning = {
      replicaLagTimeMaxMs: 1000,
      requestTimeoutMs: 2000,
      initialRebalanceDelayMs: 300,
      deliveryTimeoutMs: 60_000,
      groupMinSessionTimeoutMs: 1000,
    };
    const sim = createKafkaSim({ seed: 0, scenario, tuning });
    const s = sim.init();
    expect(coordinatorOf(s, 0)).toBe(2);
    for (const f of faults) {
      expect(sim.apply(s, { type: 'advance', untilMs: f.atMs }).ok).toBe(true);
      sim.apply(s, f.command);
    }
    expect(sim.apply(s, { type: 'advance', untilMs: 6000 }).ok).toBe(true);
    expect(sim.apply(s, { type: 'run-until-idle' }).ok).toBe(true);
    const entries = s.trace.entries as KafkaTraceEntry[];
    const g0 = entries.filter((e) => 'group' in e && e.group === 'g0');
    const started = g0.filter((e) => e.type === 'rebalance-started');
    const completed = g0.filter((e) => e.type === 'rebalance-completed');
    expect(started.map((e) => e.atMs)).toContain(702);
    // The round that g0c1's restart began ends when the old g0c1's session expires, with g0c2 in it.
    const round = completed.find((e) => e.atMs > 702)!;
    expect(round.atMs).toBe(3301);
    expect(Object.keys(round.assignment).sort()).toEqual(['g0c1#2', 'g0c2']);
    expect(g0.filter((e) => e.type === 'consumer-left-session-timeout').map((e) => (e as { consumer: string }).consumer)).toEqual(
      ['g0c1'],
    );
    expect(s.k.groups[0]!.phase).toBe('stable');
    const processed = new Set(
      entries.filter((e) => e.type === 'record-processed' && e.group === 'g0').map((e) => (e as { offset: number }).offset),
    );
    const log = readLog(s.k.parts[0]!);
    for (let o = log.start; o < log.hw; o++) expect(processed.has(o), `g0 processed orders-0@${o}`).toBe(true);
  });
});

describe('the rebalance timeout (max.poll.interval.ms, sent as rebalance_timeout_ms in JoinGroup)', () => {
  // Kafka's coordinator waits for known members to rejoin only up to the rebalance timeout
  // (DelayedJoin), then completes the join phase and removes the dynamic members that did not
  // rejoin (GroupCoordinator.onCompleteJoin). A session timeout longer than max.poll.interval.ms
  // makes the difference visible: the join phase ends before the session would have.
  function cutDuringRebalance() {
    const w = groupWorld({ sessionTimeoutMs: 20_000, heartbeatIntervalMs: 1000 }, { maxPollIntervalMs: 5000 });
    w.idle();
    w.run({ type: 'cut-link', from: 'c2', to: coordinator(w) });
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c3' });
    w.run({ type: 'step' });
    w.run({ type: 'step' });
    return w;
  }

  it('ends the join phase without a member that never rejoined, and removes it', () => {
    const w = cutDuringRebalance();
    w.idle();
    const started = w.entries('rebalance-started');
    expect(started).toHaveLength(2);
    const startedAt = started[1]!.atMs;
    const left = w.entries('consumer-left-rebalance-timeout');
    expect(left.map((e) => [e.consumer, e.rebalanceTimeoutMs])).toEqual([['c2', 5000]]);
    expect(left[0]!.atMs).toBe(startedAt + 5000);
    expect(w.sim.describeEntry(left[0]!)).toMatch(/rebalance timeout/);
    const done = w.entries('rebalance-completed');
    expect(done).toHaveLength(2);
    expect(done[1]!.atMs).toBe(startedAt + 5000);
    expect(Object.keys(done[1]!.assignment).sort()).toEqual(['c1', 'c3']);
    // Removed by the rebalance timeout, not by its (longer) session timeout.
    expect(w.entries('consumer-left-session-timeout')).toHaveLength(0);
    expect(Object.keys(owned(w)).sort()).toEqual(['c1', 'c3']);
  });

  it('keeps a static member that did not rejoin in the group, as Kafka does', () => {
    const w = groupWorld(
      { sessionTimeoutMs: 20_000, heartbeatIntervalMs: 1000, groupInstanceIds: ['i1', 'i2'] },
      { maxPollIntervalMs: 5000 },
    );
    w.idle();
    w.run({ type: 'cut-link', from: 'c2', to: coordinator(w) });
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c3' });
    const startedAt = w.s.nowMs;
    w.advance(startedAt + 6000);
    expect(w.entries('consumer-left-rebalance-timeout')).toHaveLength(0);
    const done = w.entries('rebalance-completed');
    expect(done).toHaveLength(2);
    expect(Object.keys(done[1]!.assignment).sort()).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('UNKNOWN_MEMBER_ID in the answer to a heartbeat', () => {
  // Kafka's coordinator answers a heartbeat from a member id it does not know with
  // UNKNOWN_MEMBER_ID (GroupCoordinator.validateCurrentMember); the Java client resets its member id
  // and generation, treats its partitions as lost and rejoins (AbstractCoordinator's
  // HeartbeatResponseHandler → resetStateOnResponseError; ConsumerCoordinator.onJoinPrepare).
  function removedWhileCut() {
    const w = groupWorld({ sessionTimeoutMs: 10_000, commit: { type: 'after-process' } });
    w.idle();
    const coord = coordinator(w);
    w.run({ type: 'cut-link', from: 'c2', to: coord });
    w.idle();
    return { w, coord };
  }

  it('a member removed by its session timeout while cut off hears it at its next heartbeat, drops its partitions as lost and rejoins', () => {
    const { w, coord } = removedWhileCut();
    expect(w.entries('consumer-left-session-timeout').map((e) => e.consumer)).toEqual(['c2']);
    expect(owned(w)).toEqual({ c1: ['orders-0', 'orders-1'] });
    const revokedBefore = w.entries('partitions-revoked').filter((e) => e.consumer === 'c2').length;
    w.run({ type: 'heal-link', from: 'c2', to: coord });
    // Heartbeats are background work: let time pass for c2's next one.
    w.advance(w.s.nowMs + 5000);
    w.idle();
    const unknown = w.entries('consumer-unknown-member');
    expect(unknown.map((e) => [e.consumer, e.memberId, e.rejoins])).toEqual([['c2', 'c2', true]]);
    expect(w.sim.describeEntry(unknown[0]!)).toMatch(/UNKNOWN_MEMBER_ID/);
    // Lost, not revoked: no partitions-revoked for c2 after it heard UNKNOWN_MEMBER_ID.
    expect(w.entries('partitions-revoked').filter((e) => e.consumer === 'c2').length).toBe(revokedBefore);
    expect(Object.keys(owned(w)).sort()).toEqual(['c1', 'c2']);
    expect(Object.values(owned(w)).flat().sort()).toEqual(['orders-0', 'orders-1']);
    expect(w.summary().groups[0]!.state).toBe('stable');
  });

  it('answers only heartbeats from member ids it does not know (members in good standing hear nothing)', () => {
    const w = groupWorld({ sessionTimeoutMs: 10_000 });
    w.idle();
    w.advance(w.s.nowMs + 60_000);
    expect(w.entries('consumer-unknown-member')).toHaveLength(0);
  });
});
