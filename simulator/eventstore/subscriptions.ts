/**
 * Catch-up subscriptions and projections, as tasks on the core world's scheduler.
 *
 * A subscriber reads its source (`$all` or one stream) from a checkpoint at its own speed: each
 * event takes `processingMs` of virtual time, so a busy subscriber visibly falls behind the log.
 * It first *catches up* on what is already stored, then (trace: subscription-caught-up) goes *live*
 * and is woken by each new append. A projection is a subscriber whose handler folds events into a
 * read model; resetting it replays from position 0 with the current projector (fix the projector's
 * bug, reset, and the read model is rebuilt from the log — trace: projection-rebuilt).
 *
 * Lag is part of the state: `lagEvents` is how many positions of the source are not yet read (as
 * Kafka counts lag: log end minus checkpoint) and `lagMs` is the age of the oldest unread event.
 * Both are refreshed on every append and every step; `currentLag` gives them at any instant.
 */
import { schedule } from '../core/world.ts';
import { traceCount, traceWants } from '../core/trace.ts';
import { emitEs } from './trace-entries.ts';
import { allSize, eventAt, eventAtRevision, streamRevision } from './store.ts';
import type { RecordedEvent } from './types.ts';
import type { EsModel, EsWorld } from './world.ts';
import { getName } from '../core/name-index.ts';

/** How a projection folds events into its read model. Code, kept in the model definition. */
export interface ProjectorDefinition<R> {
  initial: () => R;
  /** Applies one event. May update `model` in place (it belongs to the projection) and returns it. */
  apply: (model: R, event: RecordedEvent) => R;
}

export interface Subscriber {
  id: string;
  kind: 'subscription' | 'projection';
  /** `$all` or a stream name. */
  source: string;
  /** For `$all`: only streams starting with this prefix (system streams `$…` are always skipped). */
  streamPrefix?: string;
  /** Next position (`$all`) or revision (stream) to read. */
  checkpoint: number;
  processingMs: number;
  phase: 'catching-up' | 'live';
  /** A delivery task is scheduled. */
  busy: boolean;
  /** Events handled since creation. */
  handledCount: number;
  lagEvents: number;
  lagMs: number;
  /** Projections: the projector's name in the model, and the read model (plain data). */
  projector?: string;
  readModel?: unknown;
  /** Set while a reset projection replays. */
  rebuild?: { startedAtMs: number; replayed: number } | null;
  /** Plain subscriptions: the newest events delivered (at most RECENT_MAX), for display. */
  recent?: Array<{ eventId: string; stream: string; position: number }>;
}

const RECENT_MAX = 20;

/** The task a subscriber's delivery is. */
export interface DeliverTask {
  type: 'deliver';
  subscriberId: string;
}

function sourceEnd(w: EsWorld, sub: Subscriber): number {
  return sub.source === '$all' ? allSize(w.store) : streamRevision(w.store, sub.source) + 1;
}

function eventAtCheckpoint(w: EsWorld, sub: Subscriber): RecordedEvent | undefined {
  return sub.source === '$all' ? eventAt(w.store, sub.checkpoint) : eventAtRevision(w.store, sub.source, sub.checkpoint);
}

function wanted(sub: Subscriber, e: RecordedEvent): boolean {
  if (sub.source !== '$all') return true;
  if (e.stream.charCodeAt(0) === 36 /* $ */) return false;
  return sub.streamPrefix === undefined || e.stream.startsWith(sub.streamPrefix);
}

/** Refreshes lag from the store and the clock. */
export function refreshLag(w: EsWorld, sub: Subscriber): void {
  sub.lagEvents = Math.max(0, sourceEnd(w, sub) - sub.checkpoint);
  sub.lagMs = sub.lagEvents > 0 ? w.nowMs - eventAtCheckpoint(w, sub)!.metadata.timestampMs : 0;
}

/** Lag as of the world's current time. */
export function currentLag(w: EsWorld, sub: Subscriber): { lagEvents: number; lagMs: number } {
  refreshLag(w, sub);
  return { lagEvents: sub.lagEvents, lagMs: sub.lagMs };
}

function caughtUp(w: EsWorld, sub: Subscriber): void {
  if (sub.phase !== 'catching-up') return;
  sub.phase = 'live';
  emitEs(w.trace, { type: 'subscription-caught-up', atMs: w.nowMs, subscriberId: sub.id, checkpoint: sub.checkpoint });
  if (sub.rebuild) {
    emitEs(w.trace, {
      type: 'projection-rebuilt',
      atMs: w.nowMs,
      projectionId: sub.id,
      eventsReplayed: sub.rebuild.replayed,
      durationMs: w.nowMs - sub.rebuild.startedAtMs,
    });
    sub.rebuild = null;
  }
}

/**
 * Schedules the subscriber's next delivery if it is idle and has a wanted event to read; marks it
 * caught up when it has read everything. Unwanted events are skipped at no processing cost.
 */
export function kick(w: EsWorld, sub: Subscriber): void {
  if (sub.busy) {
    refreshLag(w, sub);
    return;
  }
  const end = sourceEnd(w, sub);
  while (sub.checkpoint < end && !wanted(sub, eventAtCheckpoint(w, sub)!)) sub.checkpoint++;
  if (sub.checkpoint < end) {
    sub.busy = true;
    schedule(w, { type: 'deliver', subscriberId: sub.id, atMs: w.nowMs + sub.processingMs });
  } else {
    caughtUp(w, sub);
  }
  refreshLag(w, sub);
}

/** Runs one delivery: the subscriber finishes handling the event at its checkpoint. */
export function runDeliver(w: EsWorld, model: EsModel, task: DeliverTask): void {
  const sub = getName(w.subscribers, task.subscriberId);
  if (sub === undefined) return; // removed while its task was queued
  sub.busy = false;
  const raw = eventAtCheckpoint(w, sub);
  if (raw === undefined) {
    kick(w, sub);
    return;
  }
  const e = model.upcasters.upcast(raw);
  sub.checkpoint++;
  sub.handledCount++;
  if (sub.rebuild) sub.rebuild.replayed++;
  // Events-behind is all the trace entry needs; kick() below refreshes the full lag once.
  sub.lagEvents = Math.max(0, sourceEnd(w, sub) - sub.checkpoint);
  const ids = raw.metadata;
  if (sub.kind === 'projection') {
    const projector = getName(model.projectors, sub.projector!);
    if (projector === undefined) throw new Error(`unknown projector ${sub.projector}`);
    sub.readModel = projector.apply(sub.readModel, e);
    if (traceWants(w.trace)) {
      emitEs(w.trace, {
        type: 'projection-updated',
        atMs: w.nowMs,
        projectionId: sub.id,
        stream: e.stream,
        eventId: e.eventId,
        position: e.position,
        lagEvents: sub.lagEvents,
        ...(ids.correlationId !== undefined ? { correlationId: ids.correlationId } : {}),
        causationId: e.eventId,
      });
    } else traceCount(w.trace, 'projection-updated');
  } else {
    const recent = (sub.recent ??= []);
    recent.push({ eventId: e.eventId, stream: e.stream, position: e.position });
    if (recent.length > RECENT_MAX) recent.shift();
    if (traceWants(w.trace)) {
      emitEs(w.trace, {
        type: 'subscription-delivered',
        atMs: w.nowMs,
        subscriberId: sub.id,
        stream: e.stream,
        eventId: e.eventId,
        position: e.position,
        ...(ids.correlationId !== undefined ? { correlationId: ids.correlationId } : {}),
        causationId: e.eventId,
      });
    } else traceCount(w.trace, 'subscription-delivered');
  }
  kick(w, sub);
}
