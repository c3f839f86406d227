/**
 * Upcasters: functions that lift an event stored with an old schema version to the current one,
 * applied when events are read, so the log itself is never rewritten.
 *
 * This is how event-sourced systems live with schema change: `Deposited` v1 stored `amount` in
 * whole units, v2 stores `amountCents`; the v1 events stay in the log as they were written, and
 * every reader sees v2. An upcaster lifts exactly one version step (v → v+1) and may rename the
 * type; chains run until no upcaster applies.
 *
 * Upcasters are code, not state: they live in the model definition next to aggregates and
 * projectors. The registry is an interface so a schema registry (named schemas per version,
 * compatibility checks) can sit behind the same `upcast` call later.
 */
import type { RecordedEvent } from './types.ts';

/** Lifts `type` events from `fromVersion` to `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  /** The new data. Must be pure: the stored data is shared and must not be changed. */
  up: (data: unknown) => unknown;
  /** Give the lifted event a new type name (the chain then continues under that name). */
  toType?: string;
}

/** What readers need from a registry. */
export interface UpcasterRegistry {
  /** The event as the current schema sees it: the same object when nothing applies. */
  upcast: (event: RecordedEvent) => RecordedEvent;
  /** The newest schema version known for a type (1 when no upcaster mentions it). */
  latestVersion: (type: string) => number;
}

/** A longer chain than this is a cycle (a → b → a by renames), not a real schema history. */
const CHAIN_MAX = 1000;

/** Builds a registry from a list of one-step upcasters. Two for the same step is an error. */
export function createUpcasterRegistry(upcasters: readonly Upcaster[]): UpcasterRegistry {
  const byStep = new Map<string, Upcaster>();
  const latest = new Map<string, number>();
  for (const u of upcasters) {
    const key = `${u.type}@${u.fromVersion}`;
    if (byStep.has(key)) throw new Error(`two upcasters for ${key}`);
    byStep.set(key, u);
    const target = u.toType ?? u.type;
    latest.set(target, Math.max(latest.get(target) ?? 1, u.fromVersion + 1));
  }
  const types = new Set(upcasters.map((u) => u.type));

  return {
    upcast(event) {
      // Most events need nothing; answer those without building a key.
      if (!types.has(event.type)) return event;
      let type = event.type;
      let version = event.schemaVersion;
      let data = event.data;
      for (let i = 0; i < CHAIN_MAX; i++) {
        const u = byStep.get(`${type}@${version}`);
        if (u === undefined) break;
        data = u.up(data);
        type = u.toType ?? type;
        version++;
      }
      if (version === event.schemaVersion) return event;
      return { ...event, type, data, schemaVersion: version };
    },
    latestVersion: (type) => latest.get(type) ?? 1,
  };
}

/** The registry that changes nothing. */
export const noUpcasters: UpcasterRegistry = {
  upcast: (e) => e,
  latestVersion: () => 1,
};
