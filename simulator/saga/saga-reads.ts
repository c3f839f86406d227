/**
 * Reading the orchestrated saga's state: what lessons' claims and the workbench ask of it (each
 * saga's status and steps, the order compensations ran in, the services' tables), plus the saga's
 * node ids.
 */
import { nodeId, type NodeId } from '../core/model.ts';
import type { SagaWorld, StepName } from './saga-types.ts';
import type { ServiceName } from './services.ts';

/** The one place the saga's node ids are spelled. */
export const sagaNode = {
  orchestrator: nodeId('orchestrator', 'order-saga'),
  service: (s: ServiceName): NodeId => nodeId('service', s),
} as const;

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
