/**
 * The log cleaner and the cleanup policy: what `delete`, `compact` and `compact,delete` each do
 * (UnifiedLog.deleteOldSegments deletes by time or size only when the policy includes delete;
 * LogValidator.validateKey rejects keyless records on a compacted topic).
 */
import { describe, expect, it } from 'vitest';
import type { TopicSpec } from '../scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';

const topic = (over: Partial<TopicSpec>) =>
  baseScenario({ brokers: [{ id: 1 }], topics: [{ name: 'status', partitions: 1, replicationFactor: 1, ...over }] });

describe('cleanup.policy and retention (UnifiedLog.deleteOldSegments)', () => {
  it('a compact-only topic keeps old records whatever retention.ms and the record bound say', () => {
    const w = world(topic({ cleanupPolicy: 'compact', retentionMs: 1000, retentionRecords: 1 }));
    for (const key of ['a', 'b', 'c']) w.run({ type: 'produce', topic: 'status', key, value: key });
    w.advance(60_000);
    const p = w.summary().partitions[0]!;
    expect([p.logStartOffset, p.records]).toEqual([0, 3]);
    expect(w.entries('retention-deleted')).toEqual([]);
  });

  it('compact,delete compacts and also deletes by age', () => {
    const w = world(topic({ cleanupPolicy: 'compact,delete', retentionMs: 10_000 }));
    for (const value of [1, 2, 3]) w.run({ type: 'produce', topic: 'status', key: 'a', value });
    w.advance(5000);
    expect(w.entries('compacted').length).toBeGreaterThan(0);
    w.advance(60_000);
    expect(w.entries('retention-deleted').length).toBeGreaterThan(0);
    expect(w.summary().partitions[0]!.records).toBe(0);
  });
});

describe('a compacted topic refuses keyless records (LogValidator.validateKey)', () => {
  for (const policy of ['compact', 'compact,delete'] as const) {
    it(`${policy}: the batch fails with INVALID_RECORD, is not retried, and nothing is appended`, () => {
      const w = world(topic({ cleanupPolicy: policy }));
      w.run({ type: 'produce', topic: 'status', key: 'a', value: 1 });
      w.idle();
      w.run({ type: 'produce', topic: 'status', value: 2 });
      w.idle();
      const failed = w.entries('produce-failed');
      expect(failed.map((e) => [e.error, e.willRetry])).toEqual([['INVALID_RECORD', false]]);
      expect(w.summary().records.failed).toBe(1);
      expect(w.summary().partitions[0]!.logEndOffset).toBe(1);
    });
  }

  it('a delete topic takes keyless records as before', () => {
    const w = world(topic({}));
    w.run({ type: 'produce', topic: 'status', value: 2 });
    w.idle();
    expect(w.summary().partitions[0]!.logEndOffset).toBe(1);
  });
});
