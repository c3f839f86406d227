/**
 * The event-sourced bank's scenario and commands, as types and as zod schemas, so a lesson script,
 * a share link and a scenario file are all checked the same way.
 *
 * The bank is the demo aggregate (simulator/eventstore/demo-bank.ts) over the event store; the
 * commands are a learner's intents (open, deposit, withdraw, load as of a revision), the clock, and
 * the workbench's extras on read models and snapshots (add or rebuild a projection, a load that
 * ignores snapshots so the two costs can be compared).
 */
import { z } from 'zod';
import type { AsOf } from './aggregates.ts';

/** Seeding more than this is a mistake in a lesson, and would stall a browser tab. */
export const busyDepositsMax = 100_000;
/** Longest virtual time a projection may spend on one event. */
export const projectionProcessingMsMax = 60_000;

/** How a bank lesson starts. */
export interface BankScenario {
  /** Save a snapshot every this many events from the start (0: never, the default). */
  snapshotEveryEvents?: number;
  /** An account whose deposits an older service stored as `Deposited` v1 (legacy-account.ts). */
  legacyAccount?: { stream: string; owner: string; amounts: number[] };
}

export type BankCommand =
  | { type: 'open-account'; stream: string; owner: string }
  | { type: 'deposit'; stream: string; amountCents: number }
  | { type: 'withdraw'; stream: string; amountCents: number }
  /** Rebuild the aggregate from the store: to the end, or as of a revision or a virtual time. */
  | { type: 'load'; stream: string; asOf?: AsOf }
  /** A load that folds from the start even when snapshots exist, to compare the two costs. */
  | { type: 'load-ignoring-snapshots'; stream: string; asOf?: AsOf }
  /**
   * Fill a busy account: opened, then `deposits` deposits (see seedBusyAccount). With `from`, go
   * on seeding an account already seeded up to deposit `from` (the player shows the stream grow).
   */
  | { type: 'seed-busy-account'; stream: string; deposits: number; from?: number }
  /** Switch on snapshots every `everyEvents` events and backfill them for one stream. */
  | { type: 'enable-snapshots'; stream: string; everyEvents: number }
  /** A read model over `$all`, fed by a catch-up subscription. */
  | { type: 'add-projection'; id: string; projector: string; processingMs?: number }
  /** Reset a projection (optionally with a fixed projector) and replay it from the start. */
  | { type: 'rebuild-projection'; id: string; projector?: string }
  | { type: 'advance'; untilMs: number }
  | { type: 'run-until-idle' }
  | { type: 'next-entry' };

const stream = z.string().max(80);
const cents = z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const asOf = z.union([z.strictObject({ revision: z.int().min(-1) }), z.strictObject({ atMs: z.number().min(0) })]);
const timeMs = z.number().min(0).max(Number.MAX_SAFE_INTEGER);

export const BankScenarioSchema = z.strictObject({
  snapshotEveryEvents: z.int().min(0).max(1_000_000).optional(),
  legacyAccount: z
    .strictObject({ stream, owner: z.string().max(80), amounts: z.array(z.int().min(1).max(1_000_000)).max(100) })
    .optional(),
});

export const BankCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open-account'), stream, owner: z.string().max(80) }),
  z.strictObject({ type: z.literal('deposit'), stream, amountCents: cents }),
  z.strictObject({ type: z.literal('withdraw'), stream, amountCents: cents }),
  z.strictObject({ type: z.literal('load'), stream, asOf: asOf.optional() }),
  z.strictObject({ type: z.literal('load-ignoring-snapshots'), stream, asOf: asOf.optional() }),
  z.strictObject({
    type: z.literal('seed-busy-account'),
    stream,
    deposits: z.int().min(0).max(busyDepositsMax),
    from: z.int().min(0).max(busyDepositsMax).optional(),
  }),
  z.strictObject({ type: z.literal('enable-snapshots'), stream, everyEvents: z.int().min(1).max(1_000_000) }),
  z.strictObject({
    type: z.literal('add-projection'),
    id: z.string().max(40),
    projector: z.string().max(40),
    processingMs: z.int().min(0).max(projectionProcessingMsMax).optional(),
  }),
  z.strictObject({ type: z.literal('rebuild-projection'), id: z.string().max(40), projector: z.string().max(40).optional() }),
  z.strictObject({ type: z.literal('advance'), untilMs: timeMs }),
  z.strictObject({ type: z.literal('run-until-idle') }),
  z.strictObject({ type: z.literal('next-entry') }),
]);
