/**
 * The upcasting story: an account whose deposits were stored as `Deposited` v1 (whole units) is
 * read as v2 (`amountCents`) by every reader — a load, a deposit deciding on the balance, a
 * projection — while the stored events stay exactly as written.
 */
import { describe, expect, it } from 'vitest';
import { applyBankCommand, createBank } from './bank-model.ts';
import { bankRead } from './bank-reads.ts';
import { bankModel } from './demo-bank.ts';
import { readStreamEvents } from './store.ts';
import { BankScenarioSchema } from './bank-commands.ts';

const scenario = { legacyAccount: { stream: 'account-legacy', owner: 'Ada', amounts: [10, 25, 40] } };

describe('an account written by the old service', () => {
  it('keeps its v1 events as stored', () => {
    const s = createBank(scenario, 1);
    const stored = readStreamEvents(s.world.store, 'account-legacy');
    expect(stored.map((e) => [e.type, e.schemaVersion])).toEqual([
      ['AccountOpened', 1],
      ['Deposited', 1],
      ['Deposited', 1],
      ['Deposited', 1],
    ]);
    expect(stored[1]!.data).toEqual({ amount: 10 });
  });

  it('is read as v2: the upcaster lifts each deposit on read, and a load sees 75', () => {
    const s = createBank(scenario, 1);
    const lifted = bankModel.upcasters.upcast(readStreamEvents(s.world.store, 'account-legacy')[2]!);
    expect(lifted).toMatchObject({ type: 'Deposited', schemaVersion: 2, data: { amountCents: 2500 } });
    expect(applyBankCommand(s, { type: 'load', stream: 'account-legacy' }).ok).toBe(true);
    expect(bankRead.loadedBalance(s)).toBe(75);
    // A new deposit is written as v2 beside the v1 ones; the balance counts both.
    applyBankCommand(s, { type: 'deposit', stream: 'account-legacy', amountCents: 500 });
    expect(readStreamEvents(s.world.store, 'account-legacy').at(-1)).toMatchObject({
      schemaVersion: 2,
      data: { amountCents: 500 },
    });
    expect(bankRead.balanceNow(s, 'account-legacy')).toBe(80);
  });

  it('is refused by the scenario schema when an amount is not a positive whole number', () => {
    expect(BankScenarioSchema.safeParse({ legacyAccount: { ...scenario.legacyAccount, amounts: [1.5] } }).success).toBe(false);
  });
});
