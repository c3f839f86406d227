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
  // type -> fromVersion -> upcaster: two plain lookups per event, no key strings to build.
  const byType = new Map<string, Map<number, Upcaster>>();
  const latest = new Map<string, number>();
  for (const u of upcasters) {
    let steps = byType.get(u.type);
    if (steps === undefined) byType.set(u.type, (steps = new Map()));
    if (steps.has(u.fromVersion)) throw new Error(`two upcasters for ${u.type} v${u.fromVersion}`);
    steps.set(u.fromVersion, u);
    const target = u.toType ?? u.type;
    latest.set(target, Math.max(latest.get(target) ?? 1, u.fromVersion + 1));
  }

  return {
    upcast(event) {
      let steps = byType.get(event.type);
      // Most events need nothing: answer those after one or two lookups.
      if (steps === undefined || !steps.has(event.schemaVersion)) return event;
      let type = event.type;
      let version = event.schemaVersion;
      let data = event.data;
      for (let i = 0; i < CHAIN_MAX && steps !== undefined; i++) {
        const u = steps.get(version);
        if (u === undefined) break;
        data = u.up(data);
        type = u.toType ?? type;
        version++;
        steps = byType.get(type);
      }
      const { eventId, stream, revision, position, metadata } = event;
      return { eventId, type, data, stream, revision, position, schemaVersion: version, metadata };
    },
    latestVersion: (type) => latest.get(type) ?? 1,
  };
}

/** The registry that changes nothing. */
export const noUpcasters: UpcasterRegistry = {
  upcast: (e) => e,
  latestVersion: () => 1,
};
