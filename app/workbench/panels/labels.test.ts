import { describe, expect, it } from 'vitest';
import type { NodeStatus } from '../view.ts';
import { compactCount, formatCount, formatMs, groupHeading, lagText, ownsText, plural, statusBadge } from './labels.ts';

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

  it('shortens counts from 10,000 on for narrow cells, never rounding up', () => {
    expect(compactCount(9_999)).toBe('9,999');
    expect(compactCount(10_000)).toBe('10.0k');
    expect(compactCount(12_389)).toBe('12.3k');
    expect(compactCount(123_999)).toBe('123k');
    expect(compactCount(999_999)).toBe('999k');
    expect(compactCount(1_239_000)).toBe('1.23M');
    expect(compactCount(45_600_000)).toBe('45.6M');
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

describe('formatCount and formatMs group digits as en-US toLocaleString does', () => {
  // A fixed spread of magnitudes and signs (formatCount avoids Intl for speed; it must agree).
  const xs = [0, 1, -1, 12, 999, 1000, -1000, 1234.9, 99_999, 100_000, 123_456_789, -987_654_321, 2 ** 53];
  for (let e = 1; e <= 15; e++) xs.push(7 * 10 ** e + 13, -(3 * 10 ** e) - 1);
  it.each(xs)('formatCount(%d)', (x) => expect(formatCount(x)).toBe(Math.trunc(x).toLocaleString('en-US')));
  it.each([10_000, 12_345, 12_050, 12_049, 99_999, 999_999, 1_234_567, -12_345, 65_432.1])('formatMs(%d)', (x) =>
    expect(formatMs(x)).toBe(`${(x / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`),
  );
  it('never writes a negative zero', () => expect(formatCount(-0.4)).toBe('0'));
});
