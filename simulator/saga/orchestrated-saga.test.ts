/** Scenario tests for the orchestrated order saga: each reads as a short script of one lesson moment. */
import { describe, expect, it } from 'vitest';
import { createModelTimeline } from '../core/model.ts';
import { allSagasSettled, applySagaCommand, createOrchestratedSaga } from './orchestrated-saga.ts';
import { sagaModel } from './saga-model.ts';
import { describeSagaEntry } from './saga-describe.ts';
import type { SagaCommand, SagaOptions, SagaWorld } from './saga-types.ts';

function run(opts: SagaOptions, ...commands: SagaCommand[]): SagaWorld {
  const w = createOrchestratedSaga(opts);
  for (const c of commands) {
    const r = applySagaCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
  applySagaCommand(w, { type: 'run-until-idle' });
  return w;
}

const types = (w: SagaWorld): string[] => w.trace.entries.map((e) => e.type);
const stepStatuses = (w: SagaWorld, id = 'order-1'): string[] => w.sagas[id]!.steps.map((s) => `${s.name}:${s.status}`);

describe('orchestrated saga', () => {
  it('happy path: every step is done and each service committed once', () => {
    const w = run({ seed: 1 }, { type: 'place-order', orderId: 'order-1', amountCents: 4_200 });
    expect(w.sagas['order-1']!.status).toBe('completed');
    expect(stepStatuses(w)).toEqual([
      'create-order:done',
      'reserve-inventory:done',
      'charge-payment:done',
      'create-shipment:done',
    ]);
    expect(w.services.tables.chargedCentsTotal).toBe(4_200);
    expect(w.services.tables.stock['sku-1']).toBe(9);
    expect(w.services.tables.shipments['order-1']).toEqual({ status: 'shipped' });
    expect(types(w).filter((t) => t === 'local-transaction-committed')).toHaveLength(4);
  });

  it('card declined: inventory is released, then the order cancelled — in reverse order', () => {
    const w = run(
      { seed: 2, faults: [{ service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' }] },
      { type: 'place-order', orderId: 'order-1' },
    );
    const saga = w.sagas['order-1']!;
    expect(saga.status).toBe('compensated');
    expect(saga.failureReason).toBe('card declined');
    expect(stepStatuses(w)).toEqual([
      'create-order:compensated',
      'reserve-inventory:compensated',
      'charge-payment:failed',
      'create-shipment:pending',
    ]);
    const compensated = w.trace.entries
      .filter((e) => e.type === 'saga-step-compensated')
      .map((e) => (e as { step: string }).step);
    expect(compensated).toEqual(['reserve-inventory', 'create-order']);
    expect(w.services.tables.stock['sku-1']).toBe(10);
    expect(w.services.tables.orders['order-1']!.status).toBe('cancelled');
  });

  it('a crash after commit loses only the reply; the retry is answered from the idempotency table', () => {
    const w = run(
      { seed: 3, faults: [{ service: 'payment', action: 'charge-payment', kind: 'crash-after-commit' }] },
      { type: 'place-order', orderId: 'order-1', amountCents: 1_000 },
    );
    expect(w.sagas['order-1']!.status).toBe('completed');
    expect(types(w)).toContain('command-deduplicated');
    expect(w.services.tables.chargedCentsTotal).toBe(1_000);
  });

  it('a refund retried after a crash is paid once', () => {
    const w = run(
      {
        seed: 4,
        faults: [
          { service: 'shipping', action: 'create-shipment', kind: 'business' },
          { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
        ],
      },
      { type: 'place-order', orderId: 'order-1', amountCents: 3_000 },
    );
    const saga = w.sagas['order-1']!;
    expect(saga.status).toBe('compensated');
    expect(saga.steps[2]!.compensationAttempts).toBeGreaterThan(1);
    expect(w.services.tables.refundedCentsTotal).toBe(3_000);
  });

  it('without idempotent handlers the same retry refunds twice (the reason they exist)', () => {
    const w = run(
      {
        seed: 4,
        idempotentHandlers: false,
        faults: [
          { service: 'shipping', action: 'create-shipment', kind: 'business' },
          { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
        ],
      },
      { type: 'place-order', orderId: 'order-1', amountCents: 3_000 },
    );
    expect(w.sagas['order-1']!.status).toBe('compensated');
    expect(w.services.tables.refundedCentsTotal).toBe(6_000);
  });

  it('shipping moved before payment: a declined card leaves a parcel on its way and a return label to issue', () => {
    const w = run(
      {
        seed: 5,
        steps: ['create-order', 'reserve-inventory', 'create-shipment', 'charge-payment'],
        faults: [{ service: 'payment', action: 'charge-payment', kind: 'business' }],
      },
      { type: 'place-order', orderId: 'order-1' },
    );
    const saga = w.sagas['order-1']!;
    expect(saga.status).toBe('needs-manual-action');
    expect(saga.requiredActions).toEqual([expect.objectContaining({ type: 'issue-return-label', step: 'create-shipment' })]);
    expect(types(w)).toContain('saga-step-not-compensatable');
    // The bad outcome in the services' own tables: shipped, yet the order is cancelled and stock released.
    expect(w.services.tables.shipments['order-1']).toEqual({ status: 'shipped' });
    expect(w.services.tables.orders['order-1']!.status).toBe('cancelled');
  });

  it('a service down longer than every retry: the step is uncertain, compensated anyway, and nothing leaks', () => {
    const w = run(
      { seed: 6 },
      { type: 'crash-service', service: 'inventory', restartAfterMs: 5_000 },
      { type: 'place-order', orderId: 'order-1' },
    );
    const saga = w.sagas['order-1']!;
    expect(saga.status).toBe('compensated');
    expect(saga.steps[1]).toMatchObject({ name: 'reserve-inventory', status: 'compensated', uncertain: true });
    expect(types(w)).toContain('message-dropped');
    expect(w.services.tables.stock['sku-1']).toBe(10);
  });

  it('the saga state can be read at any moment while it runs', () => {
    const w = createOrchestratedSaga({ seed: 7 });
    applySagaCommand(w, { type: 'place-order', orderId: 'order-1' });
    applySagaCommand(w, { type: 'advance', untilMs: 50 });
    expect(w.sagas['order-1']!.status).toBe('running');
    expect(w.sagas['order-1']!.steps.some((s) => s.status === 'running')).toBe(true);
    expect(allSagasSettled(w)).toBe(false);
  });

  it('impossible commands are errors and leave the world unchanged', () => {
    const w = createOrchestratedSaga({ seed: 8 });
    applySagaCommand(w, { type: 'place-order', orderId: 'order-1' });
    applySagaCommand(w, { type: 'advance', untilMs: 100 });
    const before = JSON.stringify(w);
    const bad: SagaCommand[] = [
      { type: 'place-order', orderId: 'order-1' },
      { type: 'advance', untilMs: 10 },
      { type: 'crash-service', service: 'billing' as never },
      { type: 'restart-service', service: 'order' },
      { type: 'inject-fault', fault: { service: 'payment', action: 'create-order', kind: 'crash' } },
      { type: 'inject-fault', fault: { service: 'payment', action: 'refund-payment', kind: 'business' } },
      { type: 'teleport' } as never,
    ];
    for (const c of bad) expect(applySagaCommand(w, c).ok, c.type).toBe(false);
    expect(JSON.stringify(w)).toBe(before);
  });

  it('stepping back on a timeline gives the same state as replaying to that point', () => {
    const scenario = {
      faults: [{ service: 'inventory' as const, action: 'reserve-inventory' as const, kind: 'business' as const }],
    };
    const cmds: SagaCommand[] = [
      { type: 'place-order', orderId: 'order-1' },
      ...Array.from({ length: 30 }, () => ({ type: 'step' }) as const),
    ];
    const t = createModelTimeline(sagaModel.run(scenario), 9, 4, cmds);
    const replay = createModelTimeline(sagaModel.run(scenario), 9, 1000, cmds.slice(0, 13)).state;
    expect(JSON.stringify(t.seek(13))).toBe(JSON.stringify(replay));
  });

  it('every trace entry has a sentence for narration', () => {
    const w = run(
      {
        seed: 10,
        steps: ['create-order', 'create-shipment', 'charge-payment'],
        faults: [{ service: 'payment', action: 'charge-payment', kind: 'business' }],
      },
      { type: 'inject-fault', fault: { service: 'order', action: 'cancel-order', kind: 'crash' } },
      { type: 'place-order', orderId: 'order-1' },
    );
    for (const e of w.trace.entries) expect(describeSagaEntry(e)).toMatch(/^[A-Z].+\.$/);
  });
});
