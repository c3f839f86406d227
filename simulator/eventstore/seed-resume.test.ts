/**
 * A busy account seeded in pieces (`from`) ends exactly like one seeded at once — the lesson
 * player relies on it to show the stream grow — and a piece that does not follow on is refused
 * with a message naming what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { eventStoreModel } from './model.ts';
import type { BankCommand } from './bank-commands.ts';

const seed = (deposits: number, from?: number): BankCommand => ({
  type: 'seed-busy-account',
  stream: 'account-7',
  deposits,
  ...(from !== undefined ? { from } : {}),
});

describe('seed-busy-account in pieces', () => {
  for (const snapshotEveryEvents of [0, 7]) {
    it(`ends byte-identical to one seed (snapshots every ${snapshotEveryEvents || 'never'})`, () => {
      const run = eventStoreModel.run({ snapshotEveryEvents });
      const whole = run.init(1);
      expect(run.apply(whole, seed(250)).ok).toBe(true);
      const pieces = run.init(1);
      for (const c of [seed(1), seed(10, 1), seed(100, 10), seed(250, 100)]) expect(run.apply(pieces, c).ok).toBe(true);
      expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
      expect(run.trace(pieces).nextId).toBeGreaterThan(250);
    });
  }

  it('refuses a piece that does not follow on, saying why', () => {
    const run = eventStoreModel.run({});
    const s = run.init(1);
    const fresh = run.apply(s, seed(10, 5));
    expect(fresh.ok).toBe(false);
    expect(!fresh.ok && fresh.error.message).toMatch(/from deposit 5 needs 6 events in it, not 0/);
    run.apply(s, seed(3));
    const back = run.apply(s, seed(2, 3));
    expect(!back.ok && back.error.message).toMatch(/from must be a whole number from 0 to deposits/);
    expect(run.apply(s, seed(5)).ok).toBe(false);
    expect(run.apply(s, seed(5, 3)).ok).toBe(true);
  });
});
