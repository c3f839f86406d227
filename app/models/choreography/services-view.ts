/**
 * The four services as both choreographies show them (on the small bus and over Kafka): each
 * service's status and what its own database holds, its planted faults, one row per order step as
 * that service sees it, and what a learner can do to it. Shared because the services and their
 * rules are the same in both; only the transport between them differs.
 */
import {
  STEP_DEFS,
  type ActionName,
  type ChoreographyCommand,
  type ChoreographyView,
  type ChoreographyWorld,
  type NodeId,
  type ServiceName,
  type StepName,
} from '../../../simulator/index.ts';
import { formatCount as n, plural } from '../../workbench/panels/labels.ts';
import type { NodeAction, NodeStatus, SectionRow } from '../../workbench/view.ts';

/** The services' state, the same type in both choreographies. */
export type Services = ChoreographyWorld['services'];

/** The flow's order in choreography: payment is charged before stock is reserved. */
export const flowSteps: ReadonlyArray<StepName> = ['create-order', 'charge-payment', 'reserve-inventory', 'create-shipment'];

/** Services in the order the flow reaches them. */
export const flowServices: readonly ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

/** The business reason a "refuse" action plants, per service. */
export const refusalReasons: Record<ServiceName, string> = {
  order: 'order rejected',
  inventory: 'out of stock',
  payment: 'card declined',
  shipping: 'no courier can collect',
};

const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** What a service's own database holds, in a few words. */
export function tableWords(s: Services, svc: ServiceName): string {
  const t = s.tables;
  switch (svc) {
    case 'order': {
      const rows = Object.values(t.orders);
      const approved = rows.filter((r) => r.status === 'approved').length;
      const cancelled = rows.filter((r) => r.status === 'cancelled').length;
      return `${plural(rows.length, 'order')} (${n(approved)} approved, ${n(cancelled)} cancelled)`;
    }
    case 'inventory':
      return Object.entries(t.stock)
        .map(([sku, qty]) => `${sku}: ${n(qty)} in stock`)
        .join(' · ');
    case 'payment':
      return `charged ${money(t.chargedCentsTotal)} · refunded ${money(t.refundedCentsTotal)}`;
    case 'shipping':
      return plural(Object.keys(t.shipments).length, 'shipment');
  }
}

/** The faults still planted on a service. */
export function faultWords(s: Services, svc: ServiceName): string {
  return s.faults
    .filter((f) => f.service === svc && f.remaining > 0)
    .map((f) => `next ${f.action}: ${f.kind}${f.remaining > 1 ? ` ×${n(f.remaining)}` : ''}`)
    .join(' · ');
}

/** When a crashed service comes back, from the newest entry that crashed it. */
export function restartAt(entries: ReadonlyArray<{ type: string }>, svc: ServiceName): number | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as { type: string; service?: string; restartAtMs?: number };
    if (e.type === 'service-crashed' && e.service === svc) return e.restartAtMs;
  }
  return undefined;
}

/** A service node's status and its line of detail. */
export function serviceFace(
  s: Services,
  svc: ServiceName,
  entries: ReadonlyArray<{ type: string }>,
  extra?: string,
): { status: NodeStatus; detail: string } {
  const parts = [tableWords(s, svc)];
  const up = s.runtime[svc].up;
  if (!up) {
    const at = restartAt(entries, svc);
    parts.unshift(at === undefined ? 'down' : `down until ${n(at)} ms`);
  }
  if (extra) parts.push(extra);
  const faults = faultWords(s, svc);
  if (faults) parts.push(`planted: ${faults}`);
  return { status: up ? 'ok' : 'crashed', detail: parts.join(' · ') };
}

const stepIcon: Record<ChoreographyView['steps'][StepName], NodeStatus> = {
  pending: 'idle',
  done: 'ok',
  failed: 'error',
  compensated: 'offline',
};

/** What the row about `step` in the owning service's own table says about one order. */
export function stepTableWords(s: Services, orderId: string, step: StepName): string {
  const t = s.tables;
  switch (step) {
    case 'create-order': {
      const o = t.orders[orderId];
      return o === undefined ? 'orders table: no row' : `orders table: ${o.status}`;
    }
    case 'charge-payment': {
      const c = t.charges[orderId];
      return c === undefined ? 'charges table: no row' : `charges table: ${money(c.amountCents)} ${c.status}`;
    }
    case 'reserve-inventory': {
      const r = t.reservations[orderId];
      return r === undefined ? 'reservations table: no row' : `reservations table: ${n(r.qty)} × ${r.sku} ${r.status}`;
    }
    case 'create-shipment':
      return t.shipments[orderId] === undefined ? 'shipments table: no row' : 'shipments table: shipped';
  }
}

/** One row per step, each as the service that owns it sees it in its own tables. */
export function stepRows(s: Services, v: ChoreographyView, nodeOf: (svc: ServiceName) => NodeId): SectionRow[] {
  return flowSteps.map((step, i) => ({
    label: `${i + 1}. ${step}`,
    status: stepIcon[v.steps[step]],
    statusWord: v.steps[step],
    detail: stepTableWords(s, v.orderId, step),
    nodeId: nodeOf(STEP_DEFS[step].service),
  }));
}

/** The first `order-N` not yet used, for "place a new order". */
export function freeOrderId(used: (orderId: string) => boolean): string {
  for (let i = 1; ; i++) if (!used(`order-${i}`)) return `order-${i}`;
}

/**
 * What a learner can do to a service: on each step it owns, refuse it (a business reason), fail
 * it once transiently (where the transport can retry one message), crash before or after
 * committing it; crash after committing its compensation; or crash it now. A service that is down
 * can only restart.
 */
/** The commands a service node offers (both choreography models take them; reactions are the bus model's own). */
type ServiceCommand = Exclude<ChoreographyCommand, { type: 'add-reaction' | 'remove-reaction' }>;

export function serviceActions(s: Services, svc: ServiceName, transient: boolean): Array<NodeAction<ServiceCommand>> {
  if (!s.runtime[svc].up) return [{ label: 'Restart now', command: { type: 'restart-service', service: svc } }];
  const out: Array<NodeAction<ServiceCommand>> = [];
  const plant = (label: string, action: ActionName, kind: 'business' | 'transient' | 'crash' | 'crash-after-commit') => {
    const reason = kind === 'business' ? { reason: refusalReasons[svc] } : {};
    out.push({ label, command: { type: 'inject-fault', fault: { service: svc, action, kind, ...reason } } });
  };
  for (const step of flowSteps) {
    const def = STEP_DEFS[step];
    if (def.service !== svc) continue;
    plant(`Refuse the next ${step} (${refusalReasons[svc]})`, step, 'business');
    if (transient) plant(`Fail the next ${step} once (transient)`, step, 'transient');
    plant(`Crash on the next ${step}`, step, 'crash');
    plant(`Crash after committing the next ${step}`, step, 'crash-after-commit');
    if (def.compensation !== null)
      plant(`Crash after committing the next ${def.compensation}`, def.compensation, 'crash-after-commit');
  }
  out.push({ label: 'Crash now', command: { type: 'crash-service', service: svc } });
  return out;
}
