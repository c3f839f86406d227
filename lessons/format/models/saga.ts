/**
 * The saga lessons' driver: the orchestrated order saga (simulator/saga/sims.ts bundle) as the
 * lesson runner and the workbench drive it. The saga already has a command union and an `apply`
 * that returns a Result, so this is a direct pass-through plus the node ids lessons highlight and
 * a few reading helpers for claims.
 */
import { applySagaCommand, cloneSagaWorld } from '../../../simulator/saga/orchestrated-saga.ts';
import { createOrchestratedSagaSim } from '../../../simulator/saga/sims.ts';
import type { SagaCommand, SagaOptions, SagaWorld, StepName } from '../../../simulator/saga/saga-types.ts';
import type { ServiceName } from '../../../simulator/saga/services.ts';
import type { Result } from '../../../simulator/core/errors.ts';

/** How a saga lesson starts: the saga's options without the seed (the lesson supplies it). */
export type SagaScenario = Omit<SagaOptions, 'seed'>;

/** Node ids the workbench's saga view should use, so lessons can highlight them. */
export const sagaNodeIds = {
  orchestrator: 'orchestrator',
  service: (s: ServiceName) => `service:${s}`,
} as const;

export function createSaga(scenario: SagaScenario, seed: number): SagaWorld {
  return createOrchestratedSagaSim({ ...scenario, seed }).init();
}

export function applySaga(w: SagaWorld, c: SagaCommand): Result<unknown> {
  return applySagaCommand(w, c);
}

export function cloneSaga(w: SagaWorld): SagaWorld {
  return cloneSagaWorld(w);
}

/** Reading helpers for claims. */
export const sagaRead = {
  status: (w: SagaWorld, orderId: string): string => w.sagas[orderId]?.status ?? 'none',
  /** Each step as `name:status`, in the saga's order, joined by ", ". */
  steps: (w: SagaWorld, orderId: string): string =>
    (w.sagas[orderId]?.steps ?? []).map((s) => `${s.name}:${s.status}`).join(', '),
  stepCount: (w: SagaWorld, orderId: string, status: string): number =>
    (w.sagas[orderId]?.steps ?? []).filter((s) => s.status === status).length,
  /** The steps compensated for an order, in the order the trace reports them, joined by ", ". */
  compensationOrder: (w: SagaWorld, orderId: string): string =>
    w.trace.entries
      .filter((e) => e.type === 'saga-step-compensated' && e.correlationId === orderId)
      .map((e) => (e as { step: StepName }).step)
      .join(', '),
  /** How many times a trace entry of `type` was written for an order (all orders when omitted). */
  traceCount: (w: SagaWorld, type: string, orderId?: string): number =>
    w.trace.entries.filter((e) => e.type === type && (orderId === undefined || e.correlationId === orderId)).length,
  compensationAttempts: (w: SagaWorld, orderId: string, step: StepName): number =>
    w.sagas[orderId]?.steps.find((s) => s.name === step)?.compensationAttempts ?? 0,
  stock: (w: SagaWorld, sku = 'sku-1'): number => w.services.tables.stock[sku] ?? 0,
  /** Money charged and money refunded, in whole units. */
  chargedTotal: (w: SagaWorld): number => w.services.tables.chargedCentsTotal / 100,
  refundedTotal: (w: SagaWorld): number => w.services.tables.refundedCentsTotal / 100,
  /** What the shop keeps: charged minus refunded, in whole units. */
  netTaken: (w: SagaWorld): number => (w.services.tables.chargedCentsTotal - w.services.tables.refundedCentsTotal) / 100,
  orderRow: (w: SagaWorld, orderId: string): string => w.services.tables.orders[orderId]?.status ?? 'none',
  shipment: (w: SagaWorld, orderId: string): string => w.services.tables.shipments[orderId]?.status ?? 'none',
  requiredActions: (w: SagaWorld, orderId: string): string =>
    (w.sagas[orderId]?.requiredActions ?? []).map((a) => `${a.type} for ${a.step}`).join(', '),
};
