import { describe, expect, it } from 'vitest';
import type { KafkaTraceEntry } from './kafka-api.ts';
import { rebalanceMoves } from './kafka-view.ts';

describe('rebalance moves', () => {
  it('lists what each member gave up and was handed in the latest rebalance only', () => {
    const e = (x: object, id: number) => ({ id, atMs: id, ...x }) as KafkaTraceEntry;
    const entries = [
      e({ type: 'rebalance-started', group: 'g', generation: 1, reason: 'join' }, 0),
      e({ type: 'partitions-assigned', group: 'g', consumer: 'c1', generation: 1, partitions: ['t-0', 't-1'] }, 1),
      e({ type: 'rebalance-started', group: 'g', generation: 2, reason: 'join' }, 2),
      e({ type: 'partitions-revoked', group: 'g', consumer: 'c1', partitions: ['t-1'] }, 3),
      e({ type: 'partitions-assigned', group: 'g', consumer: 'c2', generation: 2, partitions: ['t-1'] }, 4),
    ];
    const moves = rebalanceMoves(entries);
    expect(moves.get('g/c1')).toEqual({ revoked: ['t-1'], assigned: [] });
    expect(moves.get('g/c2')).toEqual({ revoked: [], assigned: ['t-1'] });
  });
});
