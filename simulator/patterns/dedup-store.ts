/**
 * A deduplication store: the event ids a consumer has already applied, each kept for a retention
 * window of virtual time.
 *
 * This is the table behind an idempotent consumer (`processed_events` with a unique key and a
 * TTL). It is a plain record, so it checkpoints with the world. Keeping ids for ever would grow
 * without bound, so real stores expire them — and that makes the guarantee conditional: a
 * duplicate that arrives after its id expired is applied again. The model keeps that trade-off
 * visible instead of hiding it.
 */
import { deleteName, getName, setName } from '../core/name-index.ts';

export interface DedupStore {
  /** How long an applied id is remembered, in virtual ms. */
  retentionMs: number;
  /** Applied ids and when each one is forgotten (virtual ms). */
  expiresAtMs: Record<string, number>;
}

/** An empty store with the given retention window (virtual ms). */
export function createDedupStore(retentionMs: number): DedupStore {
  if (!(retentionMs >= 0)) throw new RangeError('retentionMs must be zero or more');
  return { retentionMs, expiresAtMs: {} };
}

/** Whether `id` was applied and is still remembered at `nowMs`. */
export function dedupHas(s: DedupStore, id: string, nowMs: number): boolean {
  const until = getName(s.expiresAtMs, id);
  return until !== undefined && nowMs < until;
}

/**
 * Records `id` as applied at `nowMs` and returns when it will be forgotten. Call it in the same
 * local transaction as the effect, or a crash between the two re-opens the window for duplicates.
 */
export function dedupRecord(s: DedupStore, id: string, nowMs: number): number {
  const until = nowMs + s.retentionMs;
  setName(s.expiresAtMs, id, until);
  return until;
}

/** Forgets `id` if its window has passed. Returns true when it was removed. */
export function dedupExpire(s: DedupStore, id: string, nowMs: number): boolean {
  const until = getName(s.expiresAtMs, id);
  if (until === undefined || nowMs < until) return false;
  deleteName(s.expiresAtMs, id);
  return true;
}

/** Forgets every id whose window has passed; returns the ids removed, oldest insertion first. */
export function dedupPrune(s: DedupStore, nowMs: number): string[] {
  const removed: string[] = [];
  for (const id of Object.keys(s.expiresAtMs)) if (dedupExpire(s, id, nowMs)) removed.push(id);
  return removed;
}
