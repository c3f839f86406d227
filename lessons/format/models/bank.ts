/**
 * The event-store lessons' driver: the demo bank (simulator/eventstore/demo-bank.ts) behind a
 * command union, so a lesson script, the headless runner and the workbench all drive it the same
 * way — by plain-data commands applied to plain-data state.
 *
 * The event store exposes functions (open, deposit, load as of a revision, backfill snapshots)
 * rather than a command type, so this module is the thin translation: each command calls exactly
 * one public function of the model and keeps what that call answered (the load it decided on, a
 * refusal) next to the world, because a lesson's claims are about those answers ("the withdrawal
 * replayed 3 events and saw 800"). Nothing here computes domain behaviour itself.
 */
import { ErrorCode, fail, ok, type Result } from '../../../simulator/core/errors.ts';
import type { AsOf } from '../../../simulator/eventstore/aggregates.ts';
import { backfillSnapshots, loadAggregate } from '../../../simulator/eventstore/aggregates.ts';
import {
  accountAggregate,
  bankModel,
  deposit,
  openAccount,
  seedBusyAccount,
  withdraw,
  type Account,
} from '../../../simulator/eventstore/demo-bank.ts';
import { readStream } from '../../../simulator/eventstore/surface.ts';
import { createEsWorld, esLoad, esRun, type EsWorld, type ExecuteOutcome } from '../../../simulator/eventstore/world.ts';

/** How a bank lesson starts. */
export interface BankScenario {
  /** Save a snapshot every this many events from the start (0: never, the default). */
  snapshotEveryEvents?: number;
}

/** A load as the lesson shows it: what was folded and what came out. Plain data. */
export interface LoadRecord {
  stream: string;
  /** Why the load happened: an explicit `load`, or the load a deposit/withdrawal decided on. */
  by: BankCommand['type'];
  /** The last revision folded in (-1: none). */
  revision: number;
  eventsReplayed: number;
  /** The snapshot the load started from, or -1 when it replayed from the start. */
  snapshotRevision: number;
  state: Account;
}

export interface BankState {
  world: EsWorld;
  /** The most recent load, whether explicit or made by a command to decide. */
  lastLoad: LoadRecord | null;
  /** The business refusal of the most recent deposit/withdrawal, or null when it was accepted. */
  lastRefusal: string | null;
  /** The amount the most recent deposit/withdrawal asked for, in cents (null before any). */
  lastAmountCents: number | null;
}

export type BankCommand =
  | { type: 'open-account'; stream: string; owner: string }
  | { type: 'deposit'; stream: string; amountCents: number }
  | { type: 'withdraw'; stream: string; amountCents: number }
  /** Rebuild the aggregate from the store: to the end, or as of a revision or a virtual time. */
  | { type: 'load'; stream: string; asOf?: AsOf }
  /** Fill a busy account: opened, then `deposits` deposits (see seedBusyAccount). */
  | { type: 'seed-busy-account'; stream: string; deposits: number }
  /** Switch on snapshots every `everyEvents` events and backfill them for one stream. */
  | { type: 'enable-snapshots'; stream: string; everyEvents: number }
  | { type: 'advance'; untilMs: number }
  | { type: 'run-until-idle' };

const TASKS_MAX = 100_000;
/** Seeding more than this is a mistake in a lesson, and would stall a browser tab. */
const BUSY_DEPOSITS_MAX = 100_000;

/** Node ids the workbench's event-store view should use, so lessons can highlight them. */
export const bankNodeIds = {
  store: 'store',
  stream: (s: string) => `stream:${s}`,
  aggregate: (s: string) => `aggregate:${s}`,
  snapshots: (s: string) => `snapshots:${s}`,
} as const;

export function createBank(scenario: BankScenario, seed: number): BankState {
  const world = createEsWorld({ seed, snapshotEveryEvents: scenario.snapshotEveryEvents ?? 0 });
  return { world, lastLoad: null, lastRefusal: null, lastAmountCents: null };
}

function record(by: BankCommand['type'], loaded: ExecuteOutcome<Account>['loaded']): LoadRecord {
  const { stream, revision, eventsReplayed, snapshotRevision, state } = loaded;
  return { stream, by, revision, eventsReplayed, snapshotRevision, state: { ...state } };
}

function badStream(stream: unknown): Result<never> | undefined {
  if (typeof stream !== 'string' || !/^account-[A-Za-z0-9]+$/.test(stream)) {
    return fail(ErrorCode.UnknownStream, `"${String(stream)}" is not an account stream (account-<id>)`, 'stream');
  }
  return undefined;
}

function badAmount(amountCents: unknown): Result<never> | undefined {
  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents)) {
    return fail(ErrorCode.InvalidCommand, 'an amount is a whole number of cents', 'amountCents');
  }
  return undefined;
}

/** Applies one command in place. A command that cannot apply returns an error and changes nothing. */
export function applyBankCommand(s: BankState, c: BankCommand): Result<unknown> {
  const w = s.world;
  switch (c.type) {
    case 'open-account': {
      const bad = badStream(c.stream);
      if (bad) return bad;
      const out = openAccount(w, c.stream, c.owner);
      s.lastRefusal = out.refused ?? null;
      s.lastLoad = record(c.type, out.loaded);
      return ok(out.refused ?? null);
    }
    case 'deposit':
    case 'withdraw': {
      const bad = badStream(c.stream) ?? badAmount(c.amountCents);
      if (bad) return bad;
      const out = (c.type === 'deposit' ? deposit : withdraw)(w, c.stream, c.amountCents);
      s.lastRefusal = out.refused ?? null;
      s.lastAmountCents = c.amountCents;
      s.lastLoad = record(c.type, out.loaded);
      return ok(out.refused ?? null);
    }
    case 'load': {
      const bad = badStream(c.stream);
      if (bad) return bad;
      if (c.asOf !== undefined) {
        const v = 'revision' in c.asOf ? c.asOf.revision : c.asOf.atMs;
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail(ErrorCode.InvalidCommand, 'asOf needs a number', 'asOf');
      }
      s.lastLoad = record(c.type, esLoad<Account>(w, bankModel, c.stream, c.asOf));
      return ok(null);
    }
    case 'seed-busy-account': {
      const bad = badStream(c.stream);
      if (bad) return bad;
      if (!(Number.isInteger(c.deposits) && c.deposits >= 0 && c.deposits <= BUSY_DEPOSITS_MAX)) {
        return fail(ErrorCode.InvalidCommand, `deposits must be a whole number from 0 to ${BUSY_DEPOSITS_MAX}`, 'deposits');
      }
      if (readStream(w.store, c.stream).length > 0)
        return fail(ErrorCode.InvalidCommand, `${c.stream} already has events`, 'stream');
      seedBusyAccount(w, c.stream, c.deposits);
      return ok(null);
    }
    case 'enable-snapshots': {
      const bad = badStream(c.stream);
      if (bad) return bad;
      if (!(Number.isInteger(c.everyEvents) && c.everyEvents >= 1)) {
        return fail(ErrorCode.InvalidCommand, 'everyEvents must be a whole number of at least 1', 'everyEvents');
      }
      w.snapshotEveryEvents = c.everyEvents;
      return ok(backfillSnapshots(w.snapshots, w.store, accountAggregate, c.stream, c.everyEvents, w.nowMs, bankModel.upcasters));
    }
    case 'advance': {
      if (!Number.isFinite(c.untilMs) || c.untilMs < w.nowMs) {
        return fail(ErrorCode.InvalidCommand, `cannot advance to ${c.untilMs} ms: the clock is at ${w.nowMs} ms`, 'untilMs');
      }
      return ok(esRun(w, bankModel, { untilMs: c.untilMs, tasksMax: TASKS_MAX }));
    }
    case 'run-until-idle':
      return ok(esRun(w, bankModel, { tasksMax: TASKS_MAX }));
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

/** An independent copy (the store's persistent vector is plain data; structuredClone suffices). */
export function cloneBank(s: BankState): BankState {
  return structuredClone(s);
}

/** Reading helpers for claims: one place that knows where the numbers live. */
export const bankRead = {
  /** Events stored in a stream. */
  eventCount: (s: BankState, stream: string): number => readStream(s.world.store, stream).length,
  /** Event types of a stream, in order, joined by ", ". */
  eventTypes: (s: BankState, stream: string): string =>
    readStream(s.world.store, stream)
      .map((e) => e.type)
      .join(', '),
  /** Balance of the last load, in whole currency units. */
  loadedBalance: (s: BankState): number => (s.lastLoad?.state.balanceCents ?? NaN) / 100,
  /** Balance of a fresh full load, in whole units (reads without touching the world's trace). */
  balanceNow: (s: BankState, stream: string): number =>
    loadAggregate(s.world.store, accountAggregate, stream, { upcasters: bankModel.upcasters }).state.balanceCents / 100,
  /** Balance as of a revision, in whole units (a pure fold; the world's trace is not touched). */
  balanceAsOf: (s: BankState, stream: string, revision: number): number =>
    loadAggregate(s.world.store, accountAggregate, stream, { upcasters: bankModel.upcasters, asOf: { revision } }).state
      .balanceCents / 100,
  /** The amount the most recent deposit/withdrawal asked for, in whole units. */
  askedAmount: (s: BankState): number => (s.lastAmountCents ?? NaN) / 100,
  snapshotCount: (s: BankState, stream: string): number => s.world.snapshots[stream]?.length ?? 0,
  /** Revision of the newest snapshot of a stream (-1: none). */
  newestSnapshotRevision: (s: BankState, stream: string): number => s.world.snapshots[stream]?.at(-1)?.revision ?? -1,
  /** What the same load would cost with no snapshots at all: events replayed from the start. */
  replayedWithoutSnapshots: (s: BankState, stream: string, revision?: number): number =>
    loadAggregate(s.world.store, accountAggregate, stream, {
      upcasters: bankModel.upcasters,
      ...(revision !== undefined ? { asOf: { revision } } : {}),
    }).eventsReplayed,
  /** Revision of the stream's last event (-1: no events). */
  lastRevision: (s: BankState, stream: string): number => readStream(s.world.store, stream).length - 1,
  /** The type of the event at a revision ('' when there is none). */
  eventType: (s: BankState, stream: string, revision: number): string => readStream(s.world.store, stream)[revision]?.type ?? '',
  /** The amount an event at a revision moved, in whole units (NaN when it moved none). */
  eventAmount: (s: BankState, stream: string, revision: number): number => {
    const data = readStream(s.world.store, stream)[revision]?.data as { amountCents?: number } | undefined;
    return (data?.amountCents ?? NaN) / 100;
  },
  /** The amounts of every event of one type, in whole units, in order, joined by ", ". */
  amounts: (s: BankState, stream: string, type: string): string =>
    readStream(s.world.store, stream)
      .filter((e) => e.type === type)
      .map((e) => (e.data as { amountCents: number }).amountCents / 100)
      .join(', '),
};
