/**
 * Names cannot poison an index (issue #12, case 5).
 *
 * Every model outside Kafka indexes its state by names that come from commands (order ids, skus,
 * transaction ids, event ids, customer ids, stream names). A plain object indexed by `__proto__`,
 * `constructor` or `toString` finds Object.prototype's members instead of nothing, and assigning
 * to `__proto__` changes the object's prototype instead of adding an entry. The property: a run
 * whose names are such words behaves exactly as the same run with ordinary names — the same
 * state and trace once the ordinary names are written back as the poison ones — and survives a
 * clone (structuredClone drops a null prototype, so indexes must not depend on one).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyModel } from './core/model.ts';
import { simModels } from './models.ts';
import { createEsWorld, defineEsModel, esExecute, esLoad } from './eventstore/world.ts';
import { appendToStream, createEventStoreState, readStream } from './eventstore/surface.ts';

const POISON = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** Stand-ins that appear nowhere else in a run, so swapping them for the poison names is exact. */
const token = (i: number): string => `zqx${i}qxz`;

function swapIn(json: string, names: readonly string[]): string {
  let out = json;
  names.forEach((n, i) => (out = out.split(token(i)).join(n)));
  return out;
}

type Script<C> = (name: (i: number) => string) => C[];

/** A model and the scenario a case runs it on (names may go into the scenario too). */
interface Made {
  model: AnyModel;
  scenario: unknown;
}

/** Runs a script of commands on a model, draining tasks after each; returns the final state. */
function play(made: Made, commands: readonly unknown[]): unknown {
  const run = made.model.run(made.scenario);
  let w = run.init(1);
  commands.forEach((c, i) => {
    const r = run.apply(w, c);
    if (!r.ok) expect(r.error.message).not.toMatch(/internal|Cannot read|is not a function|undefined/i);
    run.apply(w, { type: 'run-until-idle' });
    // Half way, continue from a clone: indexes must survive checkpointing.
    if (i === Math.floor(commands.length / 2)) w = run.clone(w);
  });
  return w;
}

function sameAsOrdinaryNames<C>(make: (name: (i: number) => string) => Made, script: Script<C>): void {
  fc.assert(
    fc.property(fc.shuffledSubarray(POISON, { minLength: 1, maxLength: 4 }), (names) => {
      const poison = (i: number): string => names[i % names.length]!;
      const ordinary = (i: number): string => token(i % names.length);
      const a = JSON.stringify(play(make(poison), script(poison)));
      const b = JSON.stringify(play(make(ordinary), script(ordinary)));
      expect(a).toBe(swapIn(b, names));
    }),
    { numRuns: 25 },
  );
}

describe('name indexes cannot be poisoned', () => {
  it('orchestrated saga: order ids', () => {
    sameAsOrdinaryNames(
      () => ({ model: simModels.saga, scenario: {} }),
      (n) => [
        { type: 'place-order' as const, orderId: n(0), sku: n(1) },
        { type: 'place-order' as const, orderId: n(1), sku: n(1) },
        { type: 'place-order' as const, orderId: n(0) },
      ],
    );
  });

  it('choreography: order ids', () => {
    sameAsOrdinaryNames(
      () => ({ model: simModels.choreography, scenario: {} }),
      (n) => [
        { type: 'place-order' as const, orderId: n(0) },
        { type: 'place-order' as const, orderId: n(1) },
      ],
    );
  });

  it('two-phase commit: transaction ids, participants, resources', () => {
    sameAsOrdinaryNames(
      () => ({ model: simModels['two-phase-commit'], scenario: {} }),
      (n) => [
        { type: 'begin' as const, txId: n(0), resources: { alpha: [n(1)] } },
        { type: 'begin' as const, txId: n(1), resources: { alpha: [n(1)] } },
        { type: 'begin' as const, txId: n(0) },
      ],
    );
  });

  it('two-phase commit: participant names', () => {
    sameAsOrdinaryNames(
      (n) => ({ model: simModels['two-phase-commit'], scenario: { participants: [n(0), `${n(1)}-b`] } }),
      (n) => [
        { type: 'begin' as const, txId: 'tx-a' },
        { type: 'plant-no-vote' as const, participant: n(0) },
        { type: 'begin' as const, txId: 'tx-b', participants: [`${n(1)}-b`] },
        { type: 'crash-participant' as const, participant: n(0), recoverAfterMs: 50 },
        { type: 'begin' as const, txId: 'tx-c' },
      ],
    );
  });

  it('outbox: order ids', () => {
    sameAsOrdinaryNames(
      () => ({ model: simModels.outbox, scenario: {} }),
      (n) => [
        { type: 'place-order' as const, orderId: n(0) },
        { type: 'place-order' as const, orderId: n(1) },
        { type: 'place-order' as const, orderId: n(0) },
      ],
    );
  });

  it('idempotent consumer: event and customer ids', () => {
    sameAsOrdinaryNames(
      () => ({ model: simModels['idempotent-consumer'], scenario: {} }),
      (n) => [
        { type: 'deliver' as const, eventId: n(0), customerId: n(1) },
        { type: 'deliver' as const, eventId: n(1), customerId: n(1) },
        { type: 'redeliver' as const, eventId: n(0) },
        { type: 'redeliver' as const, eventId: n(1) },
      ],
    );
  });

  it('event store: stream names through append and read', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POISON), (stream) => {
        let store = createEventStoreState();
        const first = appendToStream(store, stream, 'no_stream', [{ eventId: 'e1', type: 'T', data: 1 }]);
        expect(first.result.ok).toBe(true);
        store = structuredClone(first.store);
        const second = appendToStream(store, stream, 0, [{ eventId: 'e2', type: 'T', data: 2 }]);
        expect(second.result.ok).toBe(true);
        expect(readStream(second.store, stream).map((e) => e.data)).toEqual([1, 2]);
        expect(readStream(second.store, `${stream}-other`)).toEqual([]);
      }),
    );
  });

  it('event store world: aggregates by category, snapshots by stream', () => {
    // `constructor-1` has the category `constructor`: looked up in a plain object it found Object.
    for (const name of POISON) {
      const counter = { category: name, initial: () => 0, apply: (n: number) => n + 1 };
      const model = defineEsModel({ aggregates: Object.fromEntries([[name, counter]]) });
      for (const stream of [name, `${name}-1`]) {
        const w = createEsWorld({ seed: 1, snapshotEveryEvents: 2 });
        for (let i = 0; i < 5; i++) esExecute<number>(w, model, stream, () => ({ events: [{ type: 'T', data: i }] }));
        const later = structuredClone(w);
        const loaded = esLoad<number>(later, model, stream);
        expect(loaded.state).toBe(5);
        expect(loaded.snapshotRevision).toBe(3);
        expect(() => esLoad(w, defineEsModel({}), stream)).toThrow(/no aggregate definition for category/);
      }
    }
  });
});
