/**
 * The pure half of the bank's control forms: an amount as a learner types it ("50", "12.34",
 * "1,000") read into whole cents, and the bank's business refusals said in words with the numbers
 * that decided them, so "insufficient funds" comes with the balance it was decided on.
 */
import type { BankState } from '../../../simulator/index.ts';

/** Largest amount a form accepts, in cents (a billion): far beyond any lesson, far below unsafe integers. */
export const amountCentsMax = 100_000_000_000;

export const money = (cents: number): string =>
  (cents / 100).toLocaleString('en-US', { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 });

/** Whole cents from a typed amount, or what is wrong with it. */
export function parseAmount(text: string): number | string {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return 'type an amount, such as 50 or 12.34';
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return `"${text.trim()}" is not an amount: use digits and at most 2 decimals, such as 12.34`;
  const cents = Math.round(Number(t) * 100);
  if (cents <= 0) return 'an amount must be more than 0';
  if (cents > amountCentsMax) return `an amount may be at most ${money(amountCentsMax)}`;
  return cents;
}

const reasons: Record<string, string> = {
  'insufficient-funds': 'insufficient funds',
  'account-not-open': 'the account is not open',
  'invalid-amount': 'the amount must be more than 0',
  'already-open': 'the account is already open',
};

/**
 * What the last deposit or withdrawal did, in a sentence: accepted with the new balance, or
 * refused with the reason and the balance the refusal was decided on.
 */
export function moneyOutcome(
  s: BankState,
  verb: 'deposit' | 'withdraw',
  stream: string,
  cents: number,
): { ok: boolean; text: string } {
  const balance = s.lastLoad?.state.balanceCents ?? 0;
  if (s.lastRefusal !== null) {
    const why = reasons[s.lastRefusal] ?? s.lastRefusal;
    const detail =
      s.lastRefusal === 'insufficient-funds'
        ? ` — ${stream} holds ${money(balance)}, so withdrawing ${money(cents)} would overdraw it. Nothing was appended.`
        : '. Nothing was appended.';
    return { ok: false, text: `${verb === 'deposit' ? 'the deposit' : 'the withdrawal'} of ${money(cents)}: ${why}${detail}` };
  }
  const after = balance + (verb === 'deposit' ? cents : -cents);
  return {
    ok: true,
    text: `${verb === 'deposit' ? 'Deposited' : 'Withdrew'} ${money(cents)}: a new event on ${stream}; the balance is ${money(after)}.`,
  };
}
