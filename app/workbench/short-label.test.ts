import { describe, expect, it } from 'vitest';
import { shortLabel } from './short-label.ts';

describe('a node name cut to fit its card', () => {
  it('leaves a name that fits as it is', () => {
    expect(shortLabel('billing-c10')).toBe('billing-c10');
    expect(shortLabel('orders-retry1')).toBe('orders-retry1');
  });
  it('keeps the short last part that tells two long names apart', () => {
    const a = shortLabel('orders-retry-2s');
    const b = shortLabel('orders-retry-4s');
    expect(a).toBe('orders-re…-2s');
    expect(a).not.toBe(b);
    expect(b.endsWith('-4s')).toBe(true);
    expect(shortLabel('order-status-10').length).toBeLessThanOrEqual(13);
  });
  it('leaves other long names whole, for the card to end them with an ellipsis', () => {
    expect(shortLabel('payment service')).toBe('payment service');
    expect(shortLabel('payments-dead-letter')).toBe('payments-dead-letter');
  });
});
