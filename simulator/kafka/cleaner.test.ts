/**
 * The log cleaner and the cleanup policy: what `delete`, `compact` and `compact,delete` each do
 * (UnifiedLog.deleteOldSegments deletes by time or size only when the policy includes delete;
 * LogValidator.validateKey rejects keyless records on a compacted topic).
 */
import { describe, expect, it } from 'vitest';
import type { TopicSpec } from './scenario/types.ts';
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
    const w = world(topic({ cleanupPolicy: 'compact,delete', retentionMs: 10_000, segmentRecords: 1 }));
    for (const value of [1, 2, 3]) {
      w.run({ type: 'produce', topic: 'status', key: 'a', value });
      w.advance(w.s.nowMs + 20);
    }
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

describe('what a consumer fetched is in its memory (review regression)', () => {
  for (const processingMs of [0, 500]) {
    it(`records compacted away after the fetch are still processed (processingMs ${processingMs})`, () => {
      const w = world(
        baseScenario({
          brokers: [{ id: 1 }],
          topics: [{ name: 'status', partitions: 1, replicationFactor: 1, cleanupPolicy: 'compact', segmentRecords: 1 }],
          groups: [
            {
              id: 'g',
              topics: ['status'],
              consumers: 1,
              processingMs,
              autoOffsetReset: 'earliest',
              startAtMs: processingMs === 0 ? 1 : 200,
            },
          ],
        }),
        1,
        { initialRebalanceDelayMs: 0, cleanerIntervalMs: 1000 },
      );
      // With 0 ms processing, a slow link keeps the fetch response on the wire while the cleaner runs.
      if (processingMs === 0) w.run({ type: 'delay-link', from: 'g-c1', to: 'broker-1', latencyMs: 300 });
      // One record per batch, so each is a segment of its own and all but the last can be cleaned.
      for (const [key, value] of [
        ['a', 1],
        ['a', 2],
        ['a', 3],
        ['b', 4],
        ['b', 5],
        ['b', 6],
      ] as const) {
        w.run({ type: 'produce', topic: 'status', key, value });
        w.advance(w.s.nowMs + 20);
      }
      w.advance(10_000);
      const fetched = w.entries('records-fetched');
      const compacted = w.entries('compacted');
      expect(compacted.length).toBeGreaterThan(0);
      // The leader answered the fetch before the cleaner ran (with 0 ms processing, the response was
      // still on the wire when it ran), and the batch was processed after it.
      expect(fetched[0]!.atMs - (processingMs === 0 ? 300 : 0)).toBeLessThan(compacted[0]!.atMs);
      expect([fetched[0]!.fromOffset, fetched[0]!.toOffset]).toEqual([0, 6]);
      expect(w.entries('record-processed').map((e) => e.offset)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(w.summary().groups[0]!.delivered).toBe(6);
    });
  }
});
