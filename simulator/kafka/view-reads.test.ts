import { describe, expect, it } from 'vitest';
import { kafkaModel } from './model.ts';
import { consumerStatus, rebalanceMoves } from './view-reads.ts';
import type { KafkaState } from './state.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

const fake = (entries: object[], groups: string[]): KafkaState =>
  ({
    trace: { entries: entries.map((x, id) => ({ id, atMs: id, ...x }) as KafkaTraceEntry) },
    k: { groups: groups.map((id) => ({ id })) },
  }) as unknown as KafkaState;

describe('rebalance moves', () => {
  it('lists what each member gave up and was handed in the latest rebalance only', () => {
    const s = fake(
      [
        { type: 'rebalance-started', group: 'g', generation: 1, reason: 'join' },
        { type: 'partitions-assigned', group: 'g', consumer: 'c1', generation: 1, partitions: ['t-0', 't-1'] },
        { type: 'rebalance-started', group: 'g', generation: 2, reason: 'join' },
        { type: 'partitions-revoked', group: 'g', consumer: 'c1', partitions: ['t-1'] },
        { type: 'partitions-assigned', group: 'g', consumer: 'c2', generation: 2, partitions: ['t-1'] },
      ],
      ['g'],
    );
    const moves = rebalanceMoves(s);
    expect(moves.get('g/c1')).toEqual({ revoked: ['t-1'], assigned: [] });
    expect(moves.get('g/c2')).toEqual({ revoked: [], assigned: ['t-1'] });
  });
  it('keeps each group to its own latest rebalance, and ignores a group that never rebalanced in the kept trace', () => {
    const s = fake(
      [
        { type: 'partitions-assigned', group: 'h', consumer: 'x', generation: 1, partitions: ['u-0'] },
        { type: 'rebalance-started', group: 'g', generation: 1, reason: 'join' },
        { type: 'partitions-assigned', group: 'g', consumer: 'c1', generation: 1, partitions: ['t-0'] },
      ],
      ['g', 'h'],
    );
    const moves = rebalanceMoves(s);
    expect(moves.get('g/c1')).toEqual({ revoked: [], assigned: ['t-0'] });
    expect(moves.has('h/x')).toBe(false);
  });
});

describe('consumer status', () => {
  const scenario = {
    version: 1 as const,
    name: 'leave vs crash',
    brokers: [{ id: 1 }],
    topics: [{ name: 't', partitions: 2, replicationFactor: 1 }],
    groups: [{ id: 'g', topics: ['t'], consumers: 2 }],
  };
  it('shows a clean leave as left and a crash as crashed', () => {
    const loaded = kafkaModel.loadScenario(scenario);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const run = kafkaModel.run(loaded.value);
    const s = run.init(1);
    run.apply(s, { type: 'advance', untilMs: 5000 });
    expect(run.apply(s, { type: 'remove-consumer', consumer: 'g-c1' }).ok).toBe(true);
    expect(run.apply(s, { type: 'crash-consumer', consumer: 'g-c2' }).ok).toBe(true);
    run.apply(s, { type: 'advance', untilMs: 6000 });
    const byId = new Map(s.k.consumers.map((c) => [c.id, consumerStatus(c)]));
    expect(byId.get('g-c1')).toBe('left');
    expect(byId.get('g-c2')).toBe('crashed');
  });
});
