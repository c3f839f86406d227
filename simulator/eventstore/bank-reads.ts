/**
 * Reading the bank's state: what lessons' claims, the workbench view and node actions ask of it
 * (balances, loads and their cost, snapshots, projections and their lag), in one place that knows
 * where the numbers live, plus the bank's node ids.
 */
import { nodeId, type NodeId } from '../core/model.ts';
import { loadAggregate } from './aggregates.ts';
import { accountAggregate, bankModel } from './demo-bank.ts';
import type { BankState } from './bank-model.ts';
import { indexFor } from './store-index.ts';
import { readStreamEvents, streamRevision } from './store.ts';
import { currentLag, type Subscriber } from './subscriptions.ts';
import { readStream } from './surface.ts';
import type { EventStoreState } from './types.ts';

/** The one place the bank's node ids are spelled. */
export const bankNode = {
  /** Where learners' commands come from. */
  commands: nodeId('commands', 'learner'),
  /** The store's global log, `$all`. */
  store: nodeId('store', 'all'),
  stream: (s: string): NodeId => nodeId('stream', s),
  aggregate: (s: string): NodeId => nodeId('aggregate', s),
  snapshots: (s: string): NodeId => nodeId('snapshots', s),
  projection: (id: string): NodeId => nodeId('projection', id),
} as const;

/** Whether a name is an account stream the bank's commands accept (`account-<id>`). */
export function isAccountStream(name: string): boolean {
  return /^account-[A-Za-z0-9]+$/.test(name);
}

/**
 * The streams that hold events, in the order their first event was stored; system streams (`$…`,
 * e.g. stream metadata) are left out. Read from the store's index, which is a function of the log.
 */
export function streamNames(store: EventStoreState): string[] {
  const out: string[] = [];
  for (const name of indexFor(store).streams.keys()) {
    if (name.charCodeAt(0) !== 36 /* $ */ && streamRevision(store, name) >= 0) out.push(name);
  }
  return out;
}

/** The projections, in the order they were added. */
export function projections(s: BankState): Subscriber[] {
  const w = s.world;
  return w.subscriberOrder.map((id) => w.subscribers[id]!).filter((sub) => sub.kind === 'projection');
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

/** A projection's lag as the event store defines it, read on a copy so reading never changes the world. */
export function projectionLag(s: BankState, sub: Subscriber): { lagEvents: number; lagMs: number } {
  return currentLag(s.world, { ...sub });
}

/** One account as a projection's read model holds it, beside the aggregate's own balance. */
export interface ReadModelRow {
  stream: string;
  readCents: number;
  aggregateCents: number;
  /** `agrees`; `behind` while the projection still has events to read; `differs` when caught up and wrong. */
  verdict: 'agrees' | 'behind' | 'differs';
}

/**
 * Holds a balances read model against the aggregates it was built from: where they differ once the
 * projection has caught up, the projector has a bug (the point of rebuilding a projection).
 */
export function readModelRows(s: BankState, sub: Subscriber): { rows: ReadModelRow[]; totalCents: number } {
  const model = sub.readModel as { balances?: Record<string, number>; totalCents?: number } | undefined;
  const balances = model?.balances ?? {};
  const behind = projectionLag(s, sub).lagEvents > 0;
  const rows = Object.keys(balances).map((stream): ReadModelRow => {
    const readCents = balances[stream]!;
    const aggregateCents = Math.round(bankRead.balanceNow(s, stream) * 100);
    const verdict = readCents === aggregateCents ? 'agrees' : behind ? 'behind' : 'differs';
    return { stream, readCents, aggregateCents, verdict };
  });
  return { rows, totalCents: model?.totalCents ?? 0 };
}

/** An event as a stream strip shows it: its revision, its type, and the amount it moved (if any). */
export interface StreamCell {
  revision: number;
  type: string;
  amountCents: number | null;
}

/** The newest `max` events of a stream, oldest first. */
export function newestEvents(s: BankState, stream: string, max: number): StreamCell[] {
  const count = streamRevision(s.world.store, stream) + 1;
  return readStreamEvents(s.world.store, stream, { fromRevision: Math.max(0, count - max) }).map((e) => {
    const amount = (e.data as { amountCents?: unknown } | null)?.amountCents;
    return { revision: e.revision, type: e.type, amountCents: typeof amount === 'number' ? amount : null };
  });
}
