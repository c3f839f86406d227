/** The bank's forms read amounts as a person types them and say refusals with their numbers. */
import { describe, expect, it } from 'vitest';
import { eventStoreModel, type BankState } from '../../../simulator/index.ts';
import { moneyOutcome, parseAmount } from './bank-controls.ts';

describe('bank controls', () => {
  it('reads amounts in whole cents, or says what is wrong', () => {
    expect(parseAmount('50')).toBe(5_000);
    expect(parseAmount(' 12.34 ')).toBe(1_234);
    expect(parseAmount('1,000')).toBe(100_000);
    expect(parseAmount('0')).toMatch(/more than 0/);
    expect(parseAmount('-5')).toMatch(/not an amount/);
    expect(parseAmount('1.234')).toMatch(/at most 2 decimals/);
    expect(parseAmount('')).toMatch(/type an amount/);
  });

  it('an overdraft is refused by the account, and the form says so with the balance', () => {
    const run = eventStoreModel.run({});
    const s = run.init(1) as BankState;
    for (const c of [
      { type: 'open-account', stream: 'account-1', owner: 'Ada' },
      { type: 'deposit', stream: 'account-1', amountCents: 7_500 },
    ] as const)
      expect(run.apply(s, c).ok).toBe(true);
    expect(run.apply(s, { type: 'withdraw', stream: 'account-1', amountCents: 10_000 }).ok).toBe(true);
    const refused = moneyOutcome(s, 'withdraw', 'account-1', 10_000);
    expect(refused.ok).toBe(false);
    expect(refused.text).toBe(
      'the withdrawal of 100: insufficient funds — account-1 holds 75, so withdrawing 100 would overdraw it. Nothing was appended.',
    );
    expect(run.apply(s, { type: 'withdraw', stream: 'account-1', amountCents: 2_550 }).ok).toBe(true);
    expect(moneyOutcome(s, 'withdraw', 'account-1', 2_550)).toEqual({
      ok: true,
      text: 'Withdrew 25.50: a new event on account-1; the balance is 49.50.',
    });
  });
});
