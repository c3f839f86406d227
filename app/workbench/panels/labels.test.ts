import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../adapter.ts';
import { formatCount, formatMs, groupHeading, lagText, ownsText, plural, statusBadge } from './labels.ts';

describe('labels', () => {
  it('formats counts and times the same on every machine', () => {
    expect(formatCount(9988)).toBe('9,988');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(plural(1, 'record')).toBe('1 record');
    expect(plural(1200, 'record')).toBe('1,200 records');
    expect(formatMs(1200)).toBe('1,200 ms');
    expect(formatMs(12_500)).toBe('12.5 s');
  });

  it('gives every status an icon and a word, never colour alone', () => {
    const all: NodeStatus[] = ['ok', 'crashed', 'slow', 'idle', 'busy', 'rebalancing', 'offline', 'error'];
    const words = all.map((s) => statusBadge(s).word);
    expect(new Set(words).size).toBe(all.length);
    expect(new Set(all.map((s) => statusBadge(s).icon)).size).toBe(all.length);
    expect(statusBadge('busy')).toEqual({ icon: '◉', word: 'processing' });
    expect(statusBadge('fencing' as NodeStatus).word).toBe('fencing');
  });

  it('words groups, lag and ownership', () => {
    expect(groupHeading({ phase: 'rebalancing', generation: 4 })).toBe('rebalancing — generation 4');
    expect(lagText(5, 'billing')).toBe('billing lag 5');
    expect(lagText(null, 'billing')).toBe('billing lag unknown');
    expect(lagText(null)).toBe('lag unknown');
    expect(ownsText(['orders-0', 'orders-2'])).toBe('owns orders-0, orders-2');
    expect(ownsText([])).toBe('owns no partitions');
  });
});
