/**
 * The four services of the order-fulfilment flow and their local transactions.
 *
 * A saga exists because each service owns its own database and can only commit locally, so this
 * module is where "local" is made concrete: every service has its own plain-data tables, and one
 * function applies one action to one service as a single atomic local transaction. Both the
 * orchestrated saga and the choreographed one drive these same services, so a lesson can compare
 * the two flows over identical business rules.
 *
 * Handlers are idempotent by default in two ways, as real services are: a table of processed
 * actions keyed by `orderId/action` answers a retry with the stored outcome, and compensations
 * leave a tombstone when they arrive before the step they undo, so a late forward action is
 * refused instead of resurrecting a cancelled order. `idempotentHandlers: false` turns both off so
 * a lesson can show a refund paid twice.
 */
import { getName, getOrSetName, setName } from '../core/name-index.ts';

export const SERVICE_NAMES = ['order', 'inventory', 'payment', 'shipping'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Every action a service can perform; forward actions and their compensations. */
export const ACTIONS = {
  'create-order': 'order',
  'cancel-order': 'order',
  'approve-order': 'order',
  'reserve-inventory': 'inventory',
  'release-inventory': 'inventory',
  'charge-payment': 'payment',
  'refund-payment': 'payment',
  'create-shipment': 'shipping',
} as const satisfies Record<string, ServiceName>;
export type ActionName = keyof typeof ACTIONS;

/** The actions that undo a forward action. They never refuse for a business reason. */
export const COMPENSATIONS: readonly ActionName[] = ['cancel-order', 'release-inventory', 'refund-payment'];

/** The order a flow is about. Every command and event carries it whole, so handlers need no lookups. */
export interface OrderData {
  orderId: string;
  sku: string;
  qty: number;
  amountCents: number;
}

/**
 * A failure planted in advance. `business` is a permanent refusal ("card declined"); `transient`
 * is an error worth retrying ("gateway unavailable"); `crash` kills the service before it commits;
 * `crash-after-commit` kills it after committing but before it can answer, which is the case that
 * makes idempotent retries necessary.
 */
export interface ServiceFault {
  service: ServiceName;
  action: ActionName;
  kind: 'business' | 'transient' | 'crash' | 'crash-after-commit';
  /** How many matching deliveries it affects (default 1). */
  times?: number;
  /** The business reason shown to the learner, e.g. "card declined". */
  reason?: string;
  /** For crashes: how long the service stays down, in virtual ms (default: the model's restartAfterMs). */
  restartAfterMs?: number;
}

/** A planted fault with its remaining uses. */
export interface ArmedFault extends ServiceFault {
  remaining: number;
}

/** What a local transaction decided. `transient` outcomes are never stored, so a retry can succeed. */
export type LocalOutcome = { kind: 'ok' } | { kind: 'rejected'; reason: string } | { kind: 'transient'; reason: string };

export interface ServiceRuntime {
  up: boolean;
  /** Bumped on every crash, so work started before a crash can tell it was lost. */
  incarnation: number;
  /** Processing time per command or event, in virtual ms. */
  processingMs: number;
  /** Outcomes already committed, keyed by `orderId/action` (the idempotency key). */
  processed: Record<string, LocalOutcome>;
}

/** The services' local databases. Each table belongs to exactly one service. */
export interface ServiceTables {
  orders: Record<string, { status: 'pending' | 'approved' | 'cancelled'; amountCents: number }>;
  stock: Record<string, number>;
  reservations: Record<string, { sku: string; qty: number; status: 'reserved' | 'released' }>;
  charges: Record<string, { amountCents: number; status: 'charged' | 'refunded' }>;
  /** Money moved, counted by increments so that a refund applied twice shows up. */
  chargedCentsTotal: number;
  refundedCentsTotal: number;
  shipments: Record<string, { status: 'shipped' }>;
}

export interface ServicesState {
  runtime: Record<ServiceName, ServiceRuntime>;
  tables: ServiceTables;
  faults: ArmedFault[];
  idempotentHandlers: boolean;
  /** Charges above this amount are declined, a stand-in for a card limit. */
  cardLimitCents: number;
}

export interface ServicesOptions {
  processingMs?: Partial<Record<ServiceName, number>>;
  initialStock?: Record<string, number>;
  cardLimitCents?: number;
  idempotentHandlers?: boolean;
  faults?: ServiceFault[];
}

/** Builds the four services with empty tables and the given stock. */
export function createServices(opts: ServicesOptions = {}): ServicesState {
  const runtime = {} as Record<ServiceName, ServiceRuntime>;
  for (const name of SERVICE_NAMES) {
    runtime[name] = { up: true, incarnation: 0, processingMs: opts.processingMs?.[name] ?? 20, processed: {} };
  }
  return {
    runtime,
    tables: {
      orders: {},
      stock: { ...(opts.initialStock ?? { 'sku-1': 10 }) },
      reservations: {},
      charges: {},
      chargedCentsTotal: 0,
      refundedCentsTotal: 0,
      shipments: {},
    },
    faults: (opts.faults ?? []).map(armFault),
    idempotentHandlers: opts.idempotentHandlers ?? true,
    cardLimitCents: opts.cardLimitCents ?? 100_000,
  };
}

/** Turns a fault spec into an armed fault (copying it, so the caller's object is never mutated). */
export function armFault(f: ServiceFault): ArmedFault {
  return { ...f, remaining: f.times ?? 1 };
}

/** Checks a fault spec names a real service/action pair; returns a message when it does not. */
export function faultProblem(f: ServiceFault): string | undefined {
  if (!(SERVICE_NAMES as readonly string[]).includes(f.service)) return `unknown service "${f.service}"`;
  if (!(f.action in ACTIONS)) return `unknown action "${f.action}"`;
  if (ACTIONS[f.action] !== f.service) return `the ${f.service} service does not perform "${f.action}"`;
  if (!['business', 'transient', 'crash', 'crash-after-commit'].includes(f.kind)) return `unknown fault kind "${f.kind}"`;
  if (f.kind === 'business' && COMPENSATIONS.includes(f.action)) {
    // An undo that may say "no" would make the saga impossible to finish; real ones only fail transiently.
    return `"${f.action}" is a compensation and cannot be refused for a business reason: plant a transient fault or a crash`;
  }
  if (f.times !== undefined && !(Number.isInteger(f.times) && f.times >= 1)) return 'times must be a whole number of at least 1';
  return undefined;
}

/** Takes one use of the first armed fault matching this delivery, if any. */
export function takeFault(s: ServicesState, service: ServiceName, action: ActionName): ArmedFault | undefined {
  const i = s.faults.findIndex((f) => f.service === service && f.action === action && f.remaining > 0);
  if (i < 0) return undefined;
  const f = s.faults[i]!;
  f.remaining--;
  if (f.remaining === 0) s.faults.splice(i, 1);
  return f;
}

/** What happened when a service handled one action; the caller turns it into trace entries. */
export type HandleResult =
  | { kind: 'committed'; outcome: LocalOutcome }
  | { kind: 'deduplicated'; outcome: LocalOutcome }
  | { kind: 'transient'; outcome: LocalOutcome }
  | { kind: 'crashed-before-commit'; fault: ArmedFault }
  | { kind: 'crashed-after-commit'; fault: ArmedFault; outcome: LocalOutcome };

/**
 * Handles one action at one (running) service: checks the idempotency table, consults planted
 * faults, and applies the local transaction. Crashes are reported, not performed: the caller owns
 * the scheduler and marks the service down.
 */
export function handleAction(s: ServicesState, action: ActionName, order: OrderData): HandleResult {
  const service = ACTIONS[action];
  const rt = s.runtime[service];
  const key = `${order.orderId}/${action}`;
  const stored = getName(rt.processed, key);
  if (s.idempotentHandlers && stored !== undefined) return { kind: 'deduplicated', outcome: stored };
  const fault = takeFault(s, service, action);
  if (fault?.kind === 'crash') return { kind: 'crashed-before-commit', fault };
  if (fault?.kind === 'transient')
    return { kind: 'transient', outcome: { kind: 'transient', reason: fault.reason ?? 'temporarily unavailable' } };
  // A planted business refusal replaces the rules; the local transaction then changes nothing.
  const outcome: LocalOutcome =
    fault?.kind === 'business'
      ? { kind: 'rejected', reason: fault.reason ?? defaultReason(action) }
      : applyLocal(s, action, order);
  // The processed row is written in the same local transaction as the business change.
  if (s.idempotentHandlers) setName(rt.processed, key, outcome);
  if (fault?.kind === 'crash-after-commit') return { kind: 'crashed-after-commit', fault, outcome };
  return { kind: 'committed', outcome };
}

function defaultReason(action: ActionName): string {
  switch (action) {
    case 'charge-payment':
      return 'card declined';
    case 'reserve-inventory':
      return 'out of stock';
    case 'create-shipment':
      return 'no courier can collect';
    default:
      return 'refused';
  }
}

/** The business rules: one atomic change to the owning service's tables. */
function applyLocal(s: ServicesState, action: ActionName, o: OrderData): LocalOutcome {
  const t = s.tables;
  const strict = s.idempotentHandlers;
  switch (action) {
    case 'create-order': {
      if (getName(t.orders, o.orderId)?.status === 'cancelled') return { kind: 'rejected', reason: 'order already cancelled' };
      getOrSetName(t.orders, o.orderId, () => ({ status: 'pending' as const, amountCents: o.amountCents }));
      return { kind: 'ok' };
    }
    case 'approve-order': {
      const row = getName(t.orders, o.orderId);
      if (row === undefined || row.status === 'cancelled') return { kind: 'rejected', reason: 'no open order to approve' };
      row.status = 'approved';
      return { kind: 'ok' };
    }
    case 'cancel-order': {
      // Setting a status is idempotent by nature; a missing row becomes a tombstone.
      setName(t.orders, o.orderId, {
        status: 'cancelled',
        amountCents: getName(t.orders, o.orderId)?.amountCents ?? o.amountCents,
      });
      return { kind: 'ok' };
    }
    case 'reserve-inventory': {
      if (strict && getName(t.reservations, o.orderId)?.status === 'released')
        return { kind: 'rejected', reason: 'reservation already released' };
      if (strict && getName(t.reservations, o.orderId)?.status === 'reserved') return { kind: 'ok' };
      const left = getName(t.stock, o.sku) ?? 0;
      if (left < o.qty) return { kind: 'rejected', reason: 'out of stock' };
      setName(t.stock, o.sku, left - o.qty);
      setName(t.reservations, o.orderId, { sku: o.sku, qty: o.qty, status: 'reserved' });
      return { kind: 'ok' };
    }
    case 'release-inventory': {
      const r = getName(t.reservations, o.orderId);
      if (r === undefined) setName(t.reservations, o.orderId, { sku: o.sku, qty: 0, status: 'released' });
      else if (r.status === 'reserved' || !strict) {
        setName(t.stock, r.sku, (getName(t.stock, r.sku) ?? 0) + r.qty);
        r.status = 'released';
      }
      return { kind: 'ok' };
    }
    case 'charge-payment': {
      if (strict && getName(t.charges, o.orderId)?.status === 'refunded')
        return { kind: 'rejected', reason: 'payment already refunded' };
      if (strict && getName(t.charges, o.orderId)?.status === 'charged') return { kind: 'ok' };
      if (o.amountCents > s.cardLimitCents) return { kind: 'rejected', reason: 'card declined' };
      setName(t.charges, o.orderId, { amountCents: o.amountCents, status: 'charged' });
      t.chargedCentsTotal += o.amountCents;
      return { kind: 'ok' };
    }
    case 'refund-payment': {
      const c = getName(t.charges, o.orderId);
      if (c === undefined) setName(t.charges, o.orderId, { amountCents: 0, status: 'refunded' });
      else if (c.status === 'charged' || !strict) {
        t.refundedCentsTotal += c.amountCents;
        c.status = 'refunded';
      }
      return { kind: 'ok' };
    }
    case 'create-shipment': {
      setName(t.shipments, o.orderId, { status: 'shipped' });
      return { kind: 'ok' };
    }
  }
}

/** Marks a service down (its in-flight work is lost) and returns its new incarnation. */
export function crashService(s: ServicesState, service: ServiceName): number {
  const rt = s.runtime[service];
  rt.up = false;
  rt.incarnation++;
  return rt.incarnation;
}
