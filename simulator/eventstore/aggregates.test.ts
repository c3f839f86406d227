/** Tests for aggregate loads: snapshot + tail, temporal queries, and upcasters on read. */
import { describe, expect, it } from 'vitest';
import { backfillSnapshots, latestSnapshot, loadAggregate, snapshotDue, type SnapshotTable } from './aggregates.ts';
import { accountAggregate, bankUpcasters, deposit, openAccount, seedBusyAccount, withdraw } from './demo-bank.ts';
import { appendEvents, createEventStore } from './store.ts';
import { createUpcasterRegistry } from './upcasters.ts';
import { createEsWorld, esLoad } from './world.ts';
import { bankModel } from './demo-bank.ts';

describe('snapshots', () => {
  it('the lesson numbers: 10,037 deposits replay 10,038 events without snapshots and 38 with one every 1,000', () => {
    const w = createEsWorld({ seed: 1, snapshotEveryEvents: 1000 });
    const state = seedBusyAccount(w, 'account-busy', 10_037);
    const withSnap = esLoad(w, bankModel, 'account-busy');
    expect(withSnap.eventsReplayed).toBe(38);
    expect(withSnap.snapshotRevision).toBe(9999);
    const full = loadAggregate(w.store, accountAggregate, 'account-busy');
    expect(full.eventsReplayed).toBe(10_038);
    expect(withSnap.state).toEqual(full.state);
    expect(withSnap.state).toEqual(state);
    expect(w.snapshots['account-busy']!.map((s) => s.revision)).toEqual(Array.from({ length: 10 }, (_, i) => i * 1000 + 999));
    const entry = w.trace.entries.findLast((e) => e.type === 'aggregate-loaded');
    expect(entry).toMatchObject({ type: 'aggregate-loaded', stream: 'account-busy', eventsReplayed: 38, snapshotRevision: 9999 });
    expect(w.trace.counts['snapshot-saved']).toBe(10);
  });

  it('snapshotDue and latestSnapshot pick the right revisions', () => {
    const snaps = [0, 4, 9].map((revision) => ({ stream: 's', revision, state: revision, takenAtMs: 0 }));
    expect(snapshotDue(undefined, 3, 4)).toBe(true);
    expect(snapshotDue(undefined, 2, 4)).toBe(false);
    expect(snapshotDue(snaps, 12, 4)).toBe(false);
    expect(snapshotDue(snaps, 13, 4)).toBe(true);
    expect(snapshotDue(snaps, 100, 0)).toBe(false);
    expect(latestSnapshot(snaps, 8)?.revision).toBe(4);
    expect(latestSnapshot(snaps, -1)).toBeUndefined();
    expect(latestSnapshot(snaps, 1e9)?.revision).toBe(9);
  });

  it('backfill makes the same snapshots the policy would have made', () => {
    const w = createEsWorld({ seed: 1, snapshotEveryEvents: 0 });
    seedBusyAccount(w, 'account-7', 250);
    const table: SnapshotTable = {};
    expect(backfillSnapshots(table, w.store, accountAggregate, 'account-7', 100, 0)).toBe(2);
    expect(table['account-7']!.map((s) => s.revision)).toEqual([99, 199]);
    const viaPolicy = createEsWorld({ seed: 1, snapshotEveryEvents: 100 });
    seedBusyAccount(viaPolicy, 'account-7', 250);
    expect(viaPolicy.snapshots['account-7']!.map((s) => s.state)).toEqual(table['account-7']!.map((s) => s.state));
  });
});

describe('temporal queries', () => {
  it('gives the balance as of a revision or a virtual time, using snapshots at or before it', () => {
    const w = createEsWorld({ seed: 1, snapshotEveryEvents: 3 });
    openAccount(w, 'account-42', 'ada'); // t=0, r0
    for (let i = 1; i <= 6; i++) {
      w.nowMs = i * 100; // no tasks queued: moving the clock by hand is the same as running to it
      deposit(w, 'account-42', 1000 * i); // r1..r6 at t=100..600
    }
    withdraw(w, 'account-42', 500); // r7 at t=600
    expect(esLoad(w, bankModel, 'account-42').state).toMatchObject({ balanceCents: 20_500 });
    const atRev3 = esLoad<{ balanceCents: number }>(w, bankModel, 'account-42', { revision: 3 });
    expect(atRev3).toMatchObject({ revision: 3, state: { balanceCents: 6000 } });
    const at350 = esLoad<{ balanceCents: number }>(w, bankModel, 'account-42', { atMs: 350 });
    expect(at350).toMatchObject({ revision: 3, state: { balanceCents: 6000 }, snapshotRevision: 2, eventsReplayed: 1 });
    expect(esLoad(w, bankModel, 'account-42', { atMs: -1 })).toMatchObject({
      revision: -1,
      eventsReplayed: 0,
      state: { opened: false },
    });
    expect(esLoad(w, bankModel, 'account-42', { revision: 99 }).revision).toBe(7);
  });
});

describe('upcasters', () => {
  it('lift v1 Deposited (whole units) to v2 (cents) on read; the log keeps v1', () => {
    let store = createEventStore();
    store = appendEvents(store, 'account-1', 'no_stream', [
      { eventId: 'o', type: 'AccountOpened', data: { owner: 'x' } },
      { eventId: 'd1', type: 'Deposited', data: { amount: 12 } },
      { eventId: 'd2', type: 'Deposited', data: { amountCents: 34 }, schemaVersion: 2 },
    ]).store;
    const loaded = loadAggregate(store, accountAggregate, 'account-1', { upcasters: bankUpcasters });
    expect(loaded.state.balanceCents).toBe(1234);
    const raw = loadAggregate(store, accountAggregate, 'account-1');
    expect(Number.isNaN(raw.state.balanceCents)).toBe(true); // without the upcaster v1 data has no amountCents
    expect(bankUpcasters.latestVersion('Deposited')).toBe(2);
    expect(bankUpcasters.latestVersion('Withdrawn')).toBe(1);
  });

  it('chains steps and renames, and refuses two upcasters for one step', () => {
    const reg = createUpcasterRegistry([
      { type: 'Paid', fromVersion: 1, up: (d) => ({ ...(d as object), currency: 'EUR' }) },
      { type: 'Paid', fromVersion: 2, up: (d) => d, toType: 'PaymentReceived' },
      { type: 'PaymentReceived', fromVersion: 3, up: (d) => ({ ...(d as object), v4: true }) },
    ]);
    const e = {
      eventId: 'p',
      type: 'Paid',
      data: { n: 1 },
      stream: 's',
      revision: 0,
      position: 0,
      schemaVersion: 1,
      metadata: { timestampMs: 0 },
    };
    expect(reg.upcast(e)).toMatchObject({ type: 'PaymentReceived', schemaVersion: 4, data: { n: 1, currency: 'EUR', v4: true } });
    expect(e.data).toEqual({ n: 1 });
    const current = { ...e, type: 'Other' };
    expect(reg.upcast(current)).toBe(current);
    expect(() =>
      createUpcasterRegistry([
        { type: 'A', fromVersion: 1, up: (d) => d },
        { type: 'A', fromVersion: 1, up: (d) => d },
      ]),
    ).toThrow();
  });
});
