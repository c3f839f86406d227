/** Kafka's control forms read what a learner types into commands, or say what is wrong. */
import { describe, expect, it } from 'vitest';
import { kafkaModel } from '../../../simulator/index.ts';
import { nextKey, resetCommand } from './kafka-controls.ts';

describe('kafka controls', () => {
  it('counts keys on, keeping zero padding, and leaves other keys alone', () => {
    expect(nextKey('order-21')).toBe('order-22');
    expect(nextKey('order-09')).toBe('order-10');
    expect(nextKey('order-99')).toBe('order-100');
    expect(nextKey('customer-big')).toBe('customer-big');
  });

  it('reads a reset to a time in seconds as the timestamp Kafka looks up', () => {
    expect(resetCommand('analytics', 'orders', 'timestamp', '15')).toEqual({
      type: 'reset-offsets',
      group: 'analytics',
      topic: 'orders',
      to: { timestampMs: 15_000 },
    });
    expect(resetCommand('analytics', 'orders', 'timestamp', '2.5')).toMatchObject({ to: { timestampMs: 2_500 } });
    expect(resetCommand('analytics', 'orders', 'offset', '20')).toMatchObject({ to: { offset: 20 } });
    expect(resetCommand('analytics', 'orders', 'earliest', 'ignored')).toMatchObject({ to: 'earliest' });
    // Every command the form makes is one the model's schema takes (so it travels in a link).
    for (const to of ['earliest', 'latest', 'offset', 'timestamp'] as const) {
      const c = resetCommand('analytics', 'orders', to, '3');
      expect(typeof c === 'string' ? c : kafkaModel.loadCommand(c).ok).toBe(true);
    }
  });

  it('says what is wrong instead of sending a bad reset', () => {
    expect(resetCommand('analytics', 'orders', 'offset', '-1')).toMatch(/whole number/);
    expect(resetCommand('analytics', 'orders', 'timestamp', 'soon')).toMatch(/number of seconds/);
    expect(resetCommand('', 'orders', 'latest', '')).toMatch(/pick a group/);
  });
});
