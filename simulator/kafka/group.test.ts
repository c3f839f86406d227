/**
 * Scenario tests for consumer groups: generations, assignors, idle members, session timeouts,
 * eager versus cooperative rebalancing, and static membership.
 */
import { describe, expect, it } from 'vitest';
import type { GroupSpec } from './scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';

function groupWorld(group: Partial<GroupSpec>, partitions = 3) {
  return world(
    baseScenario({
      topics: [{ name: 'orders', partitions, replicationFactor: 3 }],
      groups: [{ id: 'billing', topics: ['orders'], consumers: 2, autoOffsetReset: 'earliest', ...group }],
    }),
  );
}

const owned = (w: ReturnType<typeof world>) =>
  Object.fromEntries(w.summary().groups[0]!.members.map((m) => [m.consumer, m.partitions]));

describe('joining', () => {
  it('members starting together form one generation after the initial rebalance delay', () => {
    const w = groupWorld({ consumerIds: ['c1', 'c2'] });
    w.idle();
    const done = w.entries('rebalance-completed');
    expect(done).toHaveLength(1);
    expect(done[0]!.atMs).toBeGreaterThanOrEqual(3000);
    expect(done[0]!.assignment).toEqual({ c1: ['orders-0', 'orders-1'], c2: ['orders-2'] });
    expect(w.summary().groups[0]!.generation).toBe(1);
  });

  it('more consumers than partitions leaves the extra consumers idle', () => {
    const w = groupWorld({ consumers: 4, consumerIds: ['c1', 'c2', 'c3', 'c4'] });
    w.idle();
    const m = owned(w);
    expect(Object.values(m).filter((p) => p.length === 0)).toHaveLength(1);
    expect(Object.values(m).flat().sort()).toEqual(['orders-0', 'orders-1', 'orders-2']);
    expect(w.entries('partitions-assigned').some((e) => e.partitions.length === 0)).toBe(true);
  });

  it('orders members as Kafka does: c10 sorts before c2', () => {
    const w = groupWorld({ consumerIds: ['c2', 'c10'] }, 2);
    w.idle();
    expect(owned(w)).toEqual({ c2: ['orders-1'], c10: ['orders-0'] });
  });
});

describe('failures', () => {
  it('a crashed consumer keeps its partitions until its session times out', () => {
    const w = groupWorld({ consumerIds: ['c1', 'c2'], sessionTimeoutMs: 10_000 });
    w.idle();
    const crashAt = w.s.nowMs;
    w.run({ type: 'crash-consumer', consumer: 'c2' });
    expect(owned(w).c2).toEqual(['orders-2']);
    w.idle();
    const left = w.entries('consumer-left-session-timeout');
    expect(left.map((e) => e.consumer)).toEqual(['c2']);
    expect(left[0]!.atMs - crashAt).toBeGreaterThanOrEqual(7000);
    expect(left[0]!.atMs - crashAt).toBeLessThanOrEqual(10_000);
    expect(owned(w)).toEqual({ c1: ['orders-0', 'orders-1', 'orders-2'] });
    expect(w.reject({ type: 'crash-consumer', consumer: 'c2' })).toMatch(/not running/);
    expect(w.reject({ type: 'crash-consumer', consumer: 'nobody' })).toMatch(/no consumer/);
  });

  it('a static member that restarts within its session gets its partitions back without a rebalance', () => {
    const w = groupWorld({ consumerIds: ['c1', 'c2'], groupInstanceIds: ['i1', 'i2'] });
    w.idle();
    w.run({ type: 'crash-consumer', consumer: 'c2' });
    w.advance(w.s.nowMs + 1000);
    w.run({ type: 'restart-consumer', consumer: 'c2' });
    w.advance(w.s.nowMs + 1000);
    expect(w.entries('static-member-rejoined').map((e) => e.consumer)).toEqual(['c2']);
    expect(w.entries('rebalance-started')).toHaveLength(1);
    expect(owned(w).c2).toEqual(['orders-2']);
  });
});

describe('static membership (KIP-345): a second consumer with the same group.instance.id', () => {
  // Kafka's classic coordinator (GroupCoordinator.updateStaticMemberAndRebalance, and
  // GroupMetadataManager.updateStaticMemberThenRebalanceOrCompleteJoin in the new coordinator): a
  // JoinGroup with an unknown member id and a group.instance.id already mapped replaces the old
  // member id; a stable group keeps its assignment (no rebalance), and any later request carrying
  // the old member id is answered FENCED_INSTANCE_ID, which the Java client treats as fatal.
  function replaced() {
    const w = groupWorld({ consumerIds: ['c1', 'c2'], groupInstanceIds: ['i1', 'i2'], commit: { type: 'after-process' } });
    w.idle();
    const before = owned(w);
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c3', groupInstanceId: 'i1' });
    for (let i = 0; i < 100 && w.entries('static-member-replaced').length === 0; i++) w.run({ type: 'step' });
    return { w, before };
  }

  it('takes over the old member: same partitions and generation, no rebalance; the old consumer is fenced', () => {
    const { w, before } = replaced();
    w.idle();
    expect(w.entries('static-member-replaced').map((e) => [e.consumer, e.replaced, e.instanceId])).toEqual([['c3', 'c1', 'i1']]);
    expect(w.entries('rebalance-started')).toHaveLength(1);
    expect(owned(w)).toEqual({ c3: before.c1, c2: before.c2 });
    const got = w.entries('partitions-assigned').filter((e) => e.consumer === 'c3');
    expect(got.map((e) => [e.generation, e.partitions])).toEqual([[1, before.c1]]);
    expect(w.entries('consumer-fenced').map((e) => [e.consumer, e.instanceId, e.request])).toEqual([['c1', 'i1', 'heartbeat']]);
    const c1 = w.summary().consumers.find((c) => c.consumer === 'c1')!;
    expect(c1.phase).toBe('error');
    expect(c1.error).toMatch(/FencedInstanceIdException/);
    // c3 is a member in good standing: it stays one well past a session timeout.
    w.advance(w.s.nowMs + 60_000);
    expect(owned(w)).toEqual({ c3: before.c1, c2: before.c2 });
  });

  it("refuses the old consumer's commit with FENCED_INSTANCE_ID, and that stops it", () => {
    const { w } = replaced();
    w.run({ type: 'commit', consumer: 'c1' });
    w.idle();
    expect(w.entries('commit-failed').map((e) => [e.consumer, e.reason])).toEqual([['c1', 'FENCED_INSTANCE_ID']]);
    expect(w.entries('consumer-fenced').map((e) => [e.consumer, e.request])).toEqual([['c1', 'commit']]);
    expect(w.summary().consumers.find((c) => c.consumer === 'c1')!.phase).toBe('error');
  });
});

describe('eager versus cooperative rebalancing', () => {
  function addThird(assignor: GroupSpec['assignor']) {
    const w = groupWorld({ consumerIds: ['c1', 'c2'], assignor }, 6);
    w.idle();
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c3' });
    w.idle();
    return w;
  }

  it('eager: every member revokes everything before the new assignment', () => {
    const w = addThird('sticky');
    const revoked = w.entries('partitions-revoked');
    expect(revoked.map((e) => e.consumer).sort()).toEqual(['c1', 'c2']);
    expect(revoked.every((e) => e.partitions.length === 3)).toBe(true);
    expect(
      w
        .entries('rebalance-completed')
        .slice(1)
        .map((e) => e.followUp),
    ).toEqual([false]);
    expect(Object.values(owned(w)).map((p) => p.length)).toEqual([2, 2, 2]);
  });

  it('cooperative: only the moved partitions are revoked, and a second round assigns them', () => {
    const w = addThird('cooperative-sticky');
    const revoked = w.entries('partitions-revoked');
    expect(revoked.map((e) => e.partitions.length)).toEqual([1, 1]);
    const rounds = w.entries('rebalance-completed').slice(1);
    expect(rounds.map((e) => e.followUp)).toEqual([true, false]);
    expect(rounds[0]!.assignment.c3).toEqual([]);
    expect(rounds[1]!.assignment.c3).toHaveLength(2);
    expect(Object.values(owned(w)).map((p) => p.length)).toEqual([2, 2, 2]);
  });
});

describe('static-member-rejoined says whether the group was rebalancing', () => {
  it('a static member back during a rebalance takes its place in that round; the sentence says so', () => {
    const w = groupWorld({ consumerIds: ['c1', 'c2'], groupInstanceIds: ['i1', 'i2'], sessionTimeoutMs: 30_000 });
    w.idle();
    w.run({ type: 'crash-consumer', consumer: 'c2' });
    w.advance(w.s.nowMs + 1000);
    w.run({ type: 'add-consumer', group: 'billing', consumer: 'c3' });
    w.advance(w.s.nowMs + 1000);
    expect(w.summary().groups[0]!.state).toBe('preparing-rebalance');
    w.run({ type: 'restart-consumer', consumer: 'c2' });
    w.advance(w.s.nowMs + 1000);
    const back = w.entries('static-member-rejoined');
    expect(back.map((e) => [e.consumer, e.rebalancing])).toEqual([['c2', true]]);
    const sentence = w.sim.describeEntry(back[0]!);
    expect(sentence).not.toMatch(/without a rebalance/);
    expect(sentence).toMatch(/rebalance under way/);
    w.idle();
    expect(Object.keys(owned(w)).sort()).toEqual(['c1', 'c2', 'c3']);
  });

  it('in a stable group it still says "without a rebalance"', () => {
    const w = groupWorld({ consumerIds: ['c1', 'c2'], groupInstanceIds: ['i1', 'i2'] });
    w.idle();
    w.run({ type: 'crash-consumer', consumer: 'c2' });
    w.advance(w.s.nowMs + 1000);
    w.run({ type: 'restart-consumer', consumer: 'c2' });
    w.advance(w.s.nowMs + 1000);
    const back = w.entries('static-member-rejoined');
    expect(back.map((e) => [e.consumer, e.rebalancing])).toEqual([['c2', false]]);
    expect(w.sim.describeEntry(back[0]!)).toMatch(/without a rebalance/);
  });
});
