/** Unit tests for Kafka's lag definition. */
import { describe, expect, it } from 'vitest';
import { consumerLag, groupLag } from './lag.ts';

describe('lag', () => {
  it('is HW minus committed, and unknown (not zero) without a commit', () => {
    expect(consumerLag(10, 4)).toBe(6);
    expect(consumerLag(10, 10)).toBe(0);
    expect(consumerLag(10, null)).toBeNull();
    expect(consumerLag(0, null)).toBeNull();
  });

  it('is never negative (a log cut below a commit by an unclean election)', () => {
    expect(consumerLag(3, 7)).toBe(0);
  });

  it('group lag sums the known partitions and counts the unknown ones', () => {
    expect(groupLag([1, 2, null])).toEqual({ lag: 3, unknownPartitions: 1 });
    expect(groupLag([null, null])).toEqual({ lag: null, unknownPartitions: 2 });
    expect(groupLag([])).toEqual({ lag: 0, unknownPartitions: 0 });
  });
});
