/**
 * An account written by last year's service, for the upcasting story: its `Deposited` events are
 * schema version 1 (`amount` in whole units), stored as they were written. Every read of the
 * stream — an aggregate load, a projection — lifts them to version 2 (`amountCents`) through the
 * bank's upcaster, so the log is never rewritten and no reader sees version 1.
 */
import { openAccount } from './demo-bank.ts';
import { esAppend, type EsWorld } from './world.ts';

export interface LegacyAccountSpec {
  stream: string;
  owner: string;
  /** Deposits in whole units, each stored as a v1 `Deposited` event. */
  amounts: number[];
}

/** Opens the account and appends its v1 deposits (the scenario's history, at time 0). */
export function seedLegacyAccount(w: EsWorld, spec: LegacyAccountSpec): void {
  const opened = openAccount(w, spec.stream, spec.owner);
  let revision = opened.after.revision;
  for (const amount of spec.amounts) {
    const r = esAppend(w, spec.stream, revision, [{ type: 'Deposited', data: { amount }, schemaVersion: 1 }]).result;
    if (!r.ok) return;
    revision = r.nextExpectedRevision;
  }
}
