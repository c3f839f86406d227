/** Unit tests for one replica's log: offsets, truncation, retention, compaction, divergence. */
import { describe, expect, it } from 'vitest';
import {
  appendRecord,
  compactLog,
  copyRange,
  countInRange,
  createReplicaLog,
  deleteBefore,
  divergenceOffset,
  lastRnOf,
  offsetForTimestamp,
  rnAt,
  storedCount,
  truncateTo,
} from './log.ts';
import type { RecordTable } from './state.ts';

function table(keys: number[], vals: number[] = keys.map(() => -1), ts: number[] = keys.map((_, i) => i)): RecordTable {
  return { key: keys, val: vals, ts, prod: keys.map(() => 0), ackOff: keys.map(() => -1), st: keys.map(() => 0) };
}

describe('replica log', () => {
  it('gives contiguous offsets from 0 and finds records by offset', () => {
    const log = createReplicaLog(1);
    for (let rn = 10; rn < 15; rn++) expect(appendRecord(log, rn, 0)).toBe(rn - 10);
    expect(log.leo).toBe(5);
    expect(rnAt(log, 3)).toBe(13);
    expect(rnAt(log, 5)).toBe(-1);
    expect(lastRnOf(log, 0)).toBe(14);
    expect(lastRnOf(log, 3)).toBe(-1);
  });

  it('truncates the tail, reports what went and forgets it for idempotence', () => {
    const log = createReplicaLog(1);
    for (let rn = 0; rn < 6; rn++) appendRecord(log, rn, 0);
    log.hw = 5;
    const gone: number[] = [];
    expect(truncateTo(log, 4, [0, 0, 0, 0, 0, 0], (rn) => gone.push(rn))).toBe(2);
    expect(gone).toEqual([4, 5]);
    expect(log.leo).toBe(4);
    expect(log.hw).toBe(4);
    expect(lastRnOf(log, 0)).toBe(3);
  });

  it('retention moves the log start but never past the high watermark', () => {
    const log = createReplicaLog(1);
    for (let rn = 0; rn < 200; rn++) appendRecord(log, rn, 0);
    log.hw = 150;
    expect(deleteBefore(log, 180)).toBe(150);
    expect(log.start).toBe(150);
    expect(storedCount(log)).toBe(50);
    expect(rnAt(log, 149)).toBe(-1);
    expect(rnAt(log, 150)).toBe(150);
    expect(appendRecord(log, 200, 0)).toBe(200);
  });

  it('compaction keeps the newest record per key and drops old tombstones', () => {
    // keys: a b a c b a ; record 3 (c) is a tombstone (value index 0 = null), old enough to go.
    const rec = table([0, 1, 0, 2, 1, 0], [-1, -1, -1, 0, -1, -1], [0, 1, 2, 3, 4, 5]);
    const log = createReplicaLog(1);
    for (let rn = 0; rn < 6; rn++) appendRecord(log, rn, 0);
    log.hw = 6;
    expect(compactLog(log, 6, rec, [null], 10)).toEqual([4, 1]);
    expect([rnAt(log, 4), rnAt(log, 5), rnAt(log, 0), rnAt(log, 3)]).toEqual([4, 5, -1, -1]);
    expect(log.leo).toBe(6);
    expect(countInRange(log, 0, 6)).toBe(2);
    // Offsets keep their numbers after compaction: the next append is still offset 6.
    expect(appendRecord(log, 6, 0)).toBe(6);
  });

  it('a follower copies a compacted range with its gaps', () => {
    const rec = table([0, 0, 1, 1]);
    const leader = createReplicaLog(1);
    for (let rn = 0; rn < 4; rn++) appendRecord(leader, rn, 0);
    leader.hw = 4;
    compactLog(leader, 4, rec, [], 0);
    const follower = createReplicaLog(2);
    copyRange(follower, leader, 0, 4, rec.prod);
    expect(follower.leo).toBe(4);
    expect([rnAt(follower, 1), rnAt(follower, 3), rnAt(follower, 0)]).toEqual([1, 3, -1]);
  });

  it('finds where two replicas diverge', () => {
    const a = createReplicaLog(1);
    const b = createReplicaLog(2);
    for (const rn of [0, 1, 2, 3, 4]) appendRecord(a, rn, 0);
    for (const rn of [0, 1, 2, 9]) appendRecord(b, rn, 0);
    expect(divergenceOffset(a, b)).toBe(3);
    expect(divergenceOffset(b, a)).toBe(3);
  });

  it('finds the first offset at or after a timestamp', () => {
    const log = createReplicaLog(1);
    for (let rn = 0; rn < 5; rn++) appendRecord(log, rn, 0);
    const ts = [0, 10, 20, 30, 40];
    expect(offsetForTimestamp(log, 15, ts)).toBe(2);
    expect(offsetForTimestamp(log, 99, ts)).toBe(5);
  });
});
