/**
 * Property tests for the orchestrated saga over random seeds and planted faults.
 *
 * The claims are the ones the saga lesson makes: with shipping last, any single failure ends in a
 * saga that is either fully completed or fully compensated (checked against the services' own
 * tables, not only the saga's view of itself); compensations take effect at most once however
 * often they are retried; and a seed plus commands reproduces the trace byte for byte.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySagaCommand, createOrchestratedSaga } from './orchestrated-saga.ts';
import { DEFAULT_STEPS, type SagaWorld } from './saga-types.ts';
import { COMPENSATIONS, type ServiceFault } from './services.ts';
import { STEP_DEFS } from './saga-types.ts';

const STOCK = 10;
const AMOUNT = 2_500;

function runOrder(seed: number, faults: ServiceFault[], networkDelayMsMax = 15): SagaWorld {
  const w = createOrchestratedSaga({ seed, faults, networkDelayMsMax, initialStock: { 'sku-1': STOCK } });
  applySagaCommand(w, { type: 'place-order', orderId: 'order-1', amountCents: AMOUNT, qty: 2 });
  const r = applySagaCommand(w, { type: 'run-until-idle' });
  if (!r.ok || r.value.stoppedBy !== 'idle') throw new Error(`seed ${seed}: run did not go idle`);
  return w;
}

/** Asserts "all or nothing" from the services' tables: every effect present, or none left. */
function expectAllOrNothing(w: SagaWorld, seed: number): void {
  const saga = w.sagas['order-1']!;
  const t = w.services.tables;
  const ctx = `seed ${seed}, saga ${JSON.stringify(saga.steps.map((s) => s.status))}`;
  expect(['completed', 'compensated'], ctx).toContain(saga.status);
  if (saga.status === 'completed') {
    expect(
      saga.steps.every((s) => s.status === 'done'),
      ctx,
    ).toBe(true);
    expect(t.orders['order-1']?.status, ctx).toBe('pending');
    expect(t.stock['sku-1'], ctx).toBe(STOCK - 2);
    expect(t.chargedCentsTotal - t.refundedCentsTotal, ctx).toBe(AMOUNT);
    expect(t.shipments['order-1'], ctx).toBeDefined();
  } else {
    expect(
      saga.steps.some((s) => s.status === 'done' || s.status === 'running' || s.status === 'compensating'),
      ctx,
    ).toBe(false);
    expect(t.orders['order-1']?.status ?? 'cancelled', ctx).toBe('cancelled');
    expect(t.stock['sku-1'], ctx).toBe(STOCK);
    expect(t.chargedCentsTotal - t.refundedCentsTotal, ctx).toBe(0);
    expect(t.shipments['order-1'], ctx).toBeUndefined();
  }
  // At most once in effect: money never goes back more than it came in.
  expect(t.refundedCentsTotal, ctx).toBeLessThanOrEqual(t.chargedCentsTotal);
  expect(t.chargedCentsTotal, ctx).toBeLessThanOrEqual(AMOUNT);
}

const kindArb = fc.constantFrom('business', 'transient', 'crash', 'crash-after-commit') as fc.Arbitrary<ServiceFault['kind']>;
const compensationFaultArb: fc.Arbitrary<ServiceFault> = fc
  .record({
    action: fc.constantFrom(...COMPENSATIONS),
    kind: fc.constantFrom('transient', 'crash', 'crash-after-commit') as fc.Arbitrary<ServiceFault['kind']>,
    times: fc.integer({ min: 1, max: 3 }),
    restartAfterMs: fc.integer({ min: 50, max: 3_000 }),
  })
  .map(
    (f) =>
      ({
        ...f,
        service: f.action === 'cancel-order' ? 'order' : f.action === 'release-inventory' ? 'inventory' : 'payment',
      }) as ServiceFault,
  );

describe('orchestrated saga properties', () => {
  it('every single-step failure at every step ends fully completed or fully compensated', () => {
    // Exhaustive over step × kind, random over seed and downtime.
    for (const step of DEFAULT_STEPS) {
      for (const kind of ['business', 'transient', 'crash', 'crash-after-commit'] as const) {
        fc.assert(
          fc.property(fc.integer(), fc.integer({ min: 50, max: 4_000 }), (seed, restartAfterMs) => {
            const w = runOrder(seed, [{ service: STEP_DEFS[step].service, action: step, kind, restartAfterMs }]);
            expectAllOrNothing(w, seed);
            if (kind === 'business') expect(w.sagas['order-1']!.status, `seed ${seed}`).toBe('compensated');
          }),
          { numRuns: 40 },
        );
      }
    }
  });

  it('with failures during compensation too, compensations still take effect exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...DEFAULT_STEPS),
        kindArb,
        fc.array(compensationFaultArb, { maxLength: 3 }),
        fc.integer({ min: 5, max: 120 }),
        (seed, step, kind, compFaults, networkDelayMsMax) => {
          const w = runOrder(
            seed,
            [{ service: STEP_DEFS[step].service, action: step, kind, times: 2 }, ...compFaults],
            networkDelayMsMax,
          );
          expectAllOrNothing(w, seed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same seed and commands give the same trace, byte for byte', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...DEFAULT_STEPS), kindArb, (seed, step, kind) => {
        const faults: ServiceFault[] = [{ service: STEP_DEFS[step].service, action: step, kind }];
        const a = JSON.stringify(runOrder(seed, faults, 60).trace);
        const b = JSON.stringify(runOrder(seed, faults, 60).trace);
        expect(a, `seed ${seed}`).toBe(b);
      }),
      { numRuns: 50 },
    );
  });
});
