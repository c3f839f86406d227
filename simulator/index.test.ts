/**
 * The public surface: the stable entry points outside checks call exist under these exact names,
 * with these shapes, and run the real implementation (one known vector each; the full ported
 * suites live beside each implementation).
 */
import { describe, expect, it } from 'vitest';
import * as sim from './index.ts';

describe('stable surface', () => {
  it('murmur2 and partitionForKey behave as Kafka’s Java client', () => {
    // Kafka UtilsTest: murmur2("21".getBytes()) == -973932308.
    expect(sim.murmur2('21')).toBe(-973932308);
    expect(sim.murmur2(new TextEncoder().encode('21'))).toBe(-973932308);
    expect(sim.toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(sim.partitionForKey('21', 12)).toBe((-973932308 & 0x7fffffff) % 12);
  });

  it('assignPartitions returns every member, members ordered by id as plain strings', () => {
    const out = sim.assignPartitions('range', {
      partitionsPerTopic: { t: 3 },
      members: [
        { memberId: 'c2', topics: ['t'] },
        { memberId: 'c10', topics: ['t'] },
        { memberId: 'idle', topics: ['other'] },
      ],
    });
    // "c10" sorts before "c2", so it takes the larger first range.
    expect(out).toEqual({
      c10: [
        { topic: 't', partition: 0 },
        { topic: 't', partition: 1 },
      ],
      c2: [{ topic: 't', partition: 2 }],
      idle: [],
    });
  });

  it('appendToStream checks expected revisions and does not mutate its input', () => {
    const empty = sim.createEventStoreState();
    const frozen = JSON.stringify(empty);
    const a = sim.appendToStream(empty, 'account-42', 'no_stream', [{ eventId: 'e1', type: 'AccountOpened', data: {} }]);
    expect(a.result).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(JSON.stringify(empty)).toBe(frozen);
    const b = sim.appendToStream(a.store, 'account-42', 'no_stream', [
      { eventId: 'e2', type: 'Deposited', data: { amount: 10 } },
    ]);
    expect(b.result).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 'no_stream', actual: 0 });
    expect(sim.readStream(a.store, 'account-42')).toEqual([{ eventId: 'e1', type: 'AccountOpened', data: {}, revision: 0 }]);
  });
});

describe('the Kafka model through the public surface', () => {
  it('consumerLag is HW − committed and unknown (not zero) without a commit', () => {
    expect(sim.consumerLag(15, 10)).toBe(5);
    expect(sim.consumerLag(15, null)).toBeNull();
  });

  it('createSim runs a scenario and reports lag from the engine', () => {
    const spec = sim.loadScenario({
      version: 1,
      name: 'tiny',
      brokers: [{ id: 1 }],
      topics: [{ name: 'orders', partitions: 2, replicationFactor: 1 }],
      // Kafka's default auto.offset.reset is latest: a group joining after the writes would skip them.
      groups: [{ id: 'billing', topics: ['orders'], consumers: 1, autoOffsetReset: 'earliest' }],
    });
    if (!spec.ok) throw new Error(spec.error.message);
    const k = sim.createSim({ seed: 7, scenario: spec.value });
    const state = k.init();
    for (let i = 0; i < 5; i++) expect(k.apply(state, { type: 'produce', topic: 'orders', key: `order-${i}` }).ok).toBe(true);
    expect(k.apply(state, { type: 'run-until-idle' }).ok).toBe(true);
    const summary = k.summary(state);
    expect(summary.records.produced).toBe(5);
    expect(summary.partitions.reduce((n, p) => n + p.logEndOffset, 0)).toBe(5);
    const perPartition = [0, 0];
    for (let i = 0; i < 5; i++) perPartition[sim.partitionForKey(`order-${i}`, 2)]!++;
    expect(summary.partitions.map((p) => p.logEndOffset)).toEqual(perPartition);
    const billing = summary.groups.find((g) => g.group === 'billing')!;
    expect(billing.lag).toBe(0);
    expect(billing.delivered).toBe(5);
  });
});
