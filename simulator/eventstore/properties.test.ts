/**
 * Property tests: no lost writes under concurrent writers, non-mutation across branches, snapshot +
 * tail equal to full replay, rebuilt projection equal to the incremental one, and determinism.
 * Every property runs from a seed; fast-check prints the failing seed and the shrunk case.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextInt, seedRng, type RngState } from '../core/rng.ts';
import { accountAggregate, bankModel, deposit, openAccount, withdraw } from './demo-bank.ts';
import { loadAggregate } from './aggregates.ts';
import { readAllEvents, streamRevision } from './store.ts';
import { appendToStream, createEventStoreState, readStream } from './surface.ts';
import { esAddProjection, esResetProjection, esSubscribe } from './subscription-commands.ts';
import { createEsWorld, esAppend, esRun, type EsWorld } from './world.ts';
import type { EventData, EventStoreState, ExpectedRevision } from './types.ts';

describe('concurrent writers with expected revisions', () => {
  it('never lose a write silently: successes are stored where reported, failures report the true actual', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 10, max: 120 }), (seed, writers, steps) => {
        const r = seedRng(seed);
        let store = createEventStoreState();
        const stream = 'account-1';
        const oracle: string[] = []; // event ids in the stream, by revision
        // Each writer remembers the revision it last saw and its last successful batch (to retry).
        const seen = Array.from({ length: writers }, () => -1);
        const lastOk: Array<{ expected: ExpectedRevision; batch: EventData[]; next: number } | null> = Array(writers).fill(null);
        let n = 0;
        for (let step = 0; step < steps; step++) {
          const w = nextInt(r, writers);
          const op = nextInt(r, 10);
          if (op < 2) {
            seen[w] = streamRevision(store, stream); // re-read
            continue;
          }
          const prev = lastOk[w];
          if (op === 2 && prev !== null) {
            // The ack was lost: the client retries the very same request.
            const again = appendToStream(store, stream, prev.expected, prev.batch);
            expect(again.result).toEqual({ ok: true, nextExpectedRevision: prev.next });
            expect(again.store).toBe(store);
            continue;
          }
          const size = 1 + nextInt(r, 3);
          const batch = Array.from({ length: size }, () => ({ eventId: `e${n++}`, type: 'T', data: { w } }));
          const expected: ExpectedRevision = op === 3 ? 'any' : seen[w]! < 0 ? 'no_stream' : seen[w]!;
          const actual = oracle.length - 1;
          const res = appendToStream(store, stream, expected, batch);
          if (res.result.ok) {
            expect(expected === 'any' || (expected === 'no_stream' ? -1 : expected) === actual).toBe(true);
            oracle.push(...batch.map((e) => e.eventId));
            expect(res.result.nextExpectedRevision).toBe(oracle.length - 1);
            seen[w] = res.result.nextExpectedRevision;
            lastOk[w] = { expected, batch, next: res.result.nextExpectedRevision };
          } else {
            expect(res.result).toEqual({
              ok: false,
              code: 'WrongExpectedVersion',
              expected,
              actual: actual < 0 ? 'no_stream' : actual,
            });
            expect(res.store).toBe(store);
          }
          store = res.store;
        }
        expect(readStream(store, stream).map((e) => e.eventId)).toEqual(oracle);
        expect(readStream(store, stream).map((e) => e.revision)).toEqual(oracle.map((_, i) => i));
      }),
      { numRuns: 150 },
    );
  });

  it('never change a store value once handed out, however histories branch', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = seedRng(seed);
        const versions: Array<{ store: EventStoreState; json: string; ids: Record<string, string[]> }> = [
          { store: createEventStoreState(), json: '', ids: {} },
        ];
        versions[0]!.json = JSON.stringify(versions[0]!.store);
        for (let step = 0; step < 40; step++) {
          // Mostly extend the newest value; sometimes branch from an older one.
          const from = nextInt(r, 4) === 0 ? versions[nextInt(r, versions.length)]! : versions[versions.length - 1]!;
          const stream = `s${nextInt(r, 3)}`;
          const ids = Array.from({ length: 1 + nextInt(r, 12) }, (_, i) => `v${step}-${i}`);
          const res = appendToStream(
            from.store,
            stream,
            'any',
            ids.map((eventId) => ({ eventId, type: 'T', data: null })),
          );
          const next = { ...from.ids, [stream]: [...(from.ids[stream] ?? []), ...ids] };
          versions.push({ store: res.store, json: JSON.stringify(res.store), ids: next });
        }
        for (const v of versions) {
          expect(JSON.stringify(v.store)).toBe(v.json);
          for (const s of ['s0', 's1', 's2']) expect(readStream(v.store, s).map((e) => e.eventId)).toEqual(v.ids[s] ?? []);
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** A random bank workload on a world: opens, deposits, withdrawals, with time passing between. */
function bankWorkload(w: EsWorld, r: RngState, commands: number, accounts = 3, open = true): void {
  if (open) for (let a = 0; a < accounts; a++) openAccount(w, `account-${a}`, `owner-${a}`);
  for (let i = 0; i < commands; i++) {
    esRun(w, bankModel, { untilMs: w.nowMs + nextInt(r, 5), tasksMax: 100_000 });
    const stream = `account-${nextInt(r, accounts)}`;
    if (nextInt(r, 3) === 0) withdraw(w, stream, 1 + nextInt(r, 500), { correlationId: `cmd-${i}` });
    else deposit(w, stream, 1 + nextInt(r, 300), { correlationId: `cmd-${i}` });
  }
}

describe('snapshots', () => {
  it('snapshot + tail equals full replay, at the end and as of any revision', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 150 }), (seed, every, commands) => {
        const w = createEsWorld({ seed, snapshotEveryEvents: every });
        bankWorkload(w, seedRng(seed), commands, 2);
        const r = seedRng(seed ^ 0x5eed);
        for (const stream of ['account-0', 'account-1']) {
          const last = streamRevision(w.store, stream);
          for (const asOf of [undefined, { revision: nextInt(r, last + 1) }]) {
            const opts = { upcasters: bankModel.upcasters, ...(asOf ? { asOf } : {}) };
            const full = loadAggregate(w.store, accountAggregate, stream, opts);
            const snap = loadAggregate(w.store, accountAggregate, stream, { ...opts, snapshots: w.snapshots[stream] });
            expect(snap.state).toEqual(full.state);
            expect(snap.revision).toBe(full.revision);
            expect(snap.eventsReplayed).toBeLessThanOrEqual(every);
            expect(snap.eventsReplayed + snap.snapshotRevision + 1).toBe(full.eventsReplayed);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('projections', () => {
  it('a rebuilt read model equals the one built incrementally, and a direct fold of $all', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 120 }),
        (seed, processingMs, commands) => {
          const w = createEsWorld({ seed });
          const inc = esAddProjection(w, bankModel, { id: 'incremental', projector: 'balances', processingMs });
          const reb = esAddProjection(w, bankModel, { id: 'rebuilt', projector: 'balances', processingMs: processingMs >> 1 });
          const r = seedRng(seed);
          bankWorkload(w, r, commands);
          // Reset part-way, possibly while it is still behind; more commands land during the replay.
          esRun(w, bankModel, { untilMs: w.nowMs + nextInt(r, 50), tasksMax: 1_000_000 });
          esResetProjection(w, bankModel, 'rebuilt');
          bankWorkload(w, r, commands >> 1, 3, false);
          esRun(w, bankModel, { tasksMax: 1_000_000 });
          expect(reb.readModel).toEqual(inc.readModel);
          expect([inc.lagEvents, reb.lagEvents]).toEqual([0, 0]);
          const direct = readAllEvents(w.store, { excludeSystemEvents: true })
            .map((e) => bankModel.upcasters.upcast(e))
            .reduce((m, e) => bankModel.projectors.balances!.apply(m, e), bankModel.projectors.balances!.initial());
          expect(inc.readModel).toEqual(direct);
          expect(w.trace.counts['projection-rebuilt']).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('determinism', () => {
  it('the same seed gives the same trace, byte for byte', () => {
    const runOnce = (seed: number): string => {
      const w = createEsWorld({ seed, snapshotEveryEvents: 10 });
      esAddProjection(w, bankModel, { id: 'balances', projector: 'balances-buggy', processingMs: 3 });
      esSubscribe(w, { id: 'audit', processingMs: 1 });
      const r = seedRng(seed);
      bankWorkload(w, r, 80);
      esAppend(w, 'account-0', 0, [{ type: 'Deposited', data: { amountCents: 1 }, schemaVersion: 2 }]); // stale: rejected
      esResetProjection(w, bankModel, 'balances', { projector: 'balances' });
      esRun(w, bankModel, { tasksMax: 1_000_000 });
      return JSON.stringify({ trace: w.trace, subscribers: w.subscribers, snapshots: w.snapshots });
    };
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(runOnce(seed)).toBe(runOnce(seed));
      }),
      { numRuns: 15 },
    );
    expect(runOnce(1)).not.toBe(runOnce(2));
  });
});
