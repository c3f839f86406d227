/**
 * Log segments as Kafka keeps them: rolling (LogSegment.shouldRoll), whole-segment retention
 * (UnifiedLog.deletableSegments) and compaction that stops at the active segment and waits for
 * min.cleanable.dirty.ratio (LogCleanerManager).
 */
import { describe, expect, it } from 'vitest';
import type { TopicSpec } from './scenario/types.ts';
import { baseScenario, world, type World } from './test-kit.ts';

const topic = (over: Partial<TopicSpec>) =>
  world(baseScenario({ topics: [{ name: 't', partitions: 1, replicationFactor: 3, ...over }] }));

/** Produces one record per batch (waiting for the ack in between). */
function one(w: World, key: string, value: unknown = 1): void {
  w.run({ type: 'produce', topic: 't', key, value });
  w.advance(w.s.nowMs + 20);
}
const segs = (w: World) => w.summary().partitions[0]!.segments.map((x) => [x.baseOffset, x.records]);

describe('rolling segments', () => {
  it('rolls when a batch would overflow segment.bytes (in records); a batch never spans two segments', () => {
    const w = topic({ segmentRecords: 3 });
    for (let i = 0; i < 4; i++) one(w, `k${i}`);
    for (let i = 0; i < 5; i++) w.run({ type: 'produce', topic: 't', key: `b${i}`, value: i });
    w.idle();
    expect(segs(w)).toEqual([
      [0, 3],
      [3, 1],
      [4, 5],
    ]);
    // Followers copy the leader's batches, so they roll at the same offsets.
    for (const l of w.s.k.parts[0]!.logs) expect(l.segs).toEqual([0, 3, 4]);
  });

  it('rolls at the next append once the first record of the active segment is older than segment.ms', () => {
    const w = topic({ segmentMs: 1000 });
    one(w, 'a');
    one(w, 'b');
    w.advance(2000);
    one(w, 'c');
    expect(segs(w)).toEqual([
      [0, 2],
      [2, 1],
    ]);
  });
});

describe('retention by whole segments', () => {
  it('deletes a segment only when its newest record is past retention.ms, the active one too (after rolling)', () => {
    const w = topic({ segmentRecords: 2, retentionMs: 5000 });
    one(w, 'a');
    w.advance(3000);
    one(w, 'b');
    // At 5.5 s: record a is 5.5 s old but b, in the same segment, only 2.5 s: nothing goes.
    w.advance(5500);
    expect(w.summary().partitions[0]!.logStartOffset).toBe(0);
    w.advance(7000);
    one(w, 'c');
    w.advance(9000);
    expect(segs(w)).toEqual([[2, 1]]);
    w.advance(20_000);
    const p = w.summary().partitions[0]!;
    expect([p.logStartOffset, p.logEndOffset, p.records]).toEqual([3, 3, 0]);
    expect(segs(w)).toEqual([[3, 0]]);
  });
});

describe('compaction', () => {
  it('never touches the active segment and waits until enough of the log is dirty', () => {
    const w = topic({ cleanupPolicy: 'compact', segmentRecords: 2, minCleanableDirtyRatio: 0.75 });
    for (const k of ['a', 'a', 'a']) one(w, k);
    w.advance(3000);
    // [0, 2) is closed and all dirty: cleaned, a@1 kept; a@2 is in the active segment, untouched.
    expect(w.summary().partitions[0]!.records).toBe(2);
    one(w, 'a');
    one(w, 'a');
    w.advance(6000);
    // Closed now: [0, 2) clean (1 record) and [2, 4) dirty (2): 2/3 < 0.75, so the cleaner waits.
    expect(w.summary().partitions[0]!.records).toBe(4);
    one(w, 'a');
    one(w, 'a');
    w.advance(9000);
    // Dirty 4 of 5 closed records: cleaned, one a left below the active segment.
    expect(w.summary().partitions[0]!.records).toBe(2);
  });
});
