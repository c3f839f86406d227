import { describe, expect, it } from 'vitest';
import { shortLabel } from './short-label.ts';

describe('a node name cut to fit its card', () => {
  it('leaves a name that fits as it is', () => {
    expect(shortLabel('billing-c10')).toBe('billing-c10');
    expect(shortLabel('orders-retry1')).toBe('orders-retry1');
  });
  it('keeps the end that tells two long names apart', () => {
    const a = shortLabel('orders-retry-2s');
    const b = shortLabel('orders-retry-4s');
    expect(a).toBe('orders-re…-2s');
    expect(a).not.toBe(b);
    expect(b.endsWith('-4s')).toBe(true);
  });
  it('keeps the last few characters when the last part is long or there is no dash', () => {
    expect(shortLabel('payments-dead-letter')).toBe('payments…tter');
    expect(shortLabel('averyveryverylongname')).toBe('averyver…name');
  });
  it('never grows past what fits', () => {
    for (const name of ['orders-retry-2s', 'payments-dead-letter', 'x'.repeat(40), 'a-bc', 'abc-defghijklmnop-q'])
      expect(shortLabel(name).length).toBeLessThanOrEqual(13);
  });
});
