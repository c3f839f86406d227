/**
 * The event store in the simulator's world: the same clock, scheduler and trace as every model.
 *
 * The store value (store.ts) is pure; this module is where commands meet virtual time. An append
 * stamps events with the world's clock, writes trace entries, and wakes subscribers, whose
 * deliveries are tasks on the core scheduler — there is no second engine. Aggregate commands
 * load (snapshot + tail), decide, append with the loaded revision as the expected one, and save a
 * snapshot when one is due.
 *
 * The world is plain data and mutated in place by commands and tasks, like the other models;
 * code (aggregate folds, projectors, upcasters) lives in an `EsModel` passed alongside it.
 */
import { traceCount, traceWants } from '../core/trace.ts';
import {
  createWorldBase,
  newId,
  runUntil,
  type RunLimits,
  type RunOutcome,
  type WorldBase,
  type WorldOptions,
} from '../core/world.ts';
import {
  loadAggregate,
  saveSnapshot,
  snapshotDue,
  type AggregateDefinition,
  type AsOf,
  type LoadedAggregate,
  type SnapshotTable,
} from './aggregates.ts';
import { appendEvents, createEventStore } from './store.ts';
import { kick, runDeliver, type DeliverTask, type ProjectorDefinition, type Subscriber } from './subscriptions.ts';
import { emitEs, withIds, type EsTraceEntry } from './trace-entries.ts';
import { noUpcasters, type UpcasterRegistry } from './upcasters.ts';
import type { AppendReport, EventData, EventStoreState, ExpectedRevision } from './types.ts';
import { getName } from '../core/name-index.ts';

export type EsTask = DeliverTask;

export interface EsWorld extends WorldBase<EsTask, EsTraceEntry> {
  store: EventStoreState;
  snapshots: SnapshotTable;
  /** Save an aggregate snapshot every this many events (0: never). */
  snapshotEveryEvents: number;
  subscribers: Record<string, Subscriber>;
  /** Subscriber ids in creation order: the order they are woken in, for determinism. */
  subscriberOrder: string[];
}

/** The code side of the model: folds, projectors and upcasters, by name. */
export interface EsModel {
  /** Aggregate definitions by category (`account` serves streams `account-…`). */
  aggregates: Record<string, AggregateDefinition<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  projectors: Record<string, ProjectorDefinition<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  upcasters: UpcasterRegistry;
}

/** A model with defaults for what is left out. */
export function defineEsModel(parts: Partial<EsModel>): EsModel {
  return { aggregates: parts.aggregates ?? {}, projectors: parts.projectors ?? {}, upcasters: parts.upcasters ?? noUpcasters };
}

export interface EsWorldOptions extends WorldOptions {
  snapshotEveryEvents?: number;
}

export function createEsWorld(opts: EsWorldOptions): EsWorld {
  return {
    ...createWorldBase<EsTask, EsTraceEntry>(opts),
    store: createEventStore(),
    snapshots: {},
    snapshotEveryEvents: opts.snapshotEveryEvents ?? 0,
    subscribers: {},
    subscriberOrder: [],
  };
}

/** The category of a stream, as EventStoreDB's $by_category splits it: up to the first `-`. */
export function categoryOf(stream: string): string {
  const i = stream.indexOf('-');
  return i < 0 ? stream : stream.slice(0, i);
}

/** An event to append from a command: the id is generated from the world's counter when absent. */
export type NewEvent = Omit<EventData, 'eventId'> & { eventId?: string };

export interface CommandIds {
  correlationId?: string;
  causationId?: string;
}

/**
 * Appends events to a stream at the world's current time. Trace: one `event-appended` per event
 * written, or `append-rejected` / `append-idempotent`. Subscribers are woken.
 */
export function esAppend(
  w: EsWorld,
  stream: string,
  expected: ExpectedRevision,
  events: readonly NewEvent[],
  ids: CommandIds = {},
): AppendReport {
  const data: EventData[] = events.map((e) => ({ ...e, eventId: e.eventId ?? newId(w, 'evt') }));
  const report = appendEvents(w.store, stream, expected, data, { nowMs: w.nowMs, ...ids });
  w.store = report.store;
  const { correlationId, causationId } = ids;
  if (report.outcome === 'rejected' && !report.result.ok) {
    emitEs(
      w.trace,
      withIds(
        { type: 'append-rejected' as const, atMs: w.nowMs, stream, expected, actual: report.result.actual },
        correlationId,
        causationId,
      ),
    );
  } else if (report.outcome === 'idempotent' && report.result.ok) {
    emitEs(
      w.trace,
      withIds(
        { type: 'append-idempotent' as const, atMs: w.nowMs, stream, nextExpectedRevision: report.result.nextExpectedRevision },
        correlationId,
        causationId,
      ),
    );
  }
  for (const e of report.written) {
    if (!traceWants(w.trace)) {
      traceCount(w.trace, 'event-appended');
      continue;
    }
    const m = e.metadata;
    emitEs(
      w.trace,
      withIds(
        {
          type: 'event-appended' as const,
          atMs: w.nowMs,
          stream,
          eventId: e.eventId,
          eventType: e.type,
          revision: e.revision,
          position: e.position,
        },
        m.correlationId,
        m.causationId,
      ),
    );
  }
  if (report.written.length > 0) for (const id of w.subscriberOrder) kick(w, getName(w.subscribers, id)!);
  return report;
}

function aggregateFor(model: EsModel, stream: string): AggregateDefinition<unknown> {
  const def = getName(model.aggregates, categoryOf(stream));
  if (def === undefined) throw new Error(`no aggregate definition for category ${categoryOf(stream)}`);
  return def;
}

/** Loads an aggregate (snapshot + tail, or as of a revision/time). Trace: `aggregate-loaded`. */
export function esLoad<S>(
  w: EsWorld,
  model: EsModel,
  stream: string,
  asOf?: AsOf,
  ids: CommandIds = {},
  ignoreSnapshots = false,
): LoadedAggregate<S> {
  const loaded = loadAggregate(w.store, aggregateFor(model, stream), stream, {
    // Ignoring snapshots folds from the start: what the same load costs without them.
    snapshots: ignoreSnapshots ? undefined : getName(w.snapshots, stream),
    upcasters: model.upcasters,
    ...(asOf !== undefined ? { asOf } : {}),
  }) as LoadedAggregate<S>;
  emitEs(
    w.trace,
    withIds(
      {
        type: 'aggregate-loaded' as const,
        atMs: w.nowMs,
        stream,
        revision: loaded.revision,
        eventsReplayed: loaded.eventsReplayed,
        snapshotRevision: loaded.snapshotRevision,
      },
      ids.correlationId,
      ids.causationId,
    ),
  );
  return loaded;
}

/** What a command's decision returns: events to append, or a business refusal. */
export type Decision = { events: NewEvent[] } | { refused: string };

export interface ExecuteOutcome<S> {
  loaded: LoadedAggregate<S>;
  /** The append report, or undefined when the decision refused. */
  append?: AppendReport;
  refused?: string;
  /** The aggregate after the command (the loaded state when nothing was written). */
  after: LoadedAggregate<S>;
}

/**
 * Runs a command against an aggregate the event-sourced way: load, decide on the state, append
 * expecting the loaded revision (so a concurrent writer makes this fail with
 * WrongExpectedVersion rather than silently interleave), then snapshot if due.
 */
export function esExecute<S>(
  w: EsWorld,
  model: EsModel,
  stream: string,
  decide: (state: S) => Decision,
  ids: CommandIds = {},
): ExecuteOutcome<S> {
  const loaded = esLoad<S>(w, model, stream, undefined, ids);
  const decision = decide(loaded.state);
  if ('refused' in decision) return { loaded, refused: decision.refused, after: loaded };
  const expected: ExpectedRevision = loaded.revision < 0 ? 'no_stream' : loaded.revision;
  const append = esAppend(w, stream, expected, decision.events, ids);
  return { loaded, append, after: foldAppended(w, model, loaded, append, ids) };
}

/**
 * The aggregate after an append made from `loaded`: its written events folded in, and a snapshot
 * saved (trace: `snapshot-saved`) when the world's policy says one is due. Unchanged when the
 * append wrote nothing.
 */
export function foldAppended<S>(
  w: EsWorld,
  model: EsModel,
  loaded: LoadedAggregate<S>,
  append: AppendReport,
  ids: CommandIds = {},
): LoadedAggregate<S> {
  if (append.outcome !== 'written' || append.written.length === 0) return loaded;
  const def = aggregateFor(model, loaded.stream) as AggregateDefinition<S>;
  let state = loaded.state;
  for (const e of append.written) state = def.apply(state, model.upcasters.upcast(e));
  const after: LoadedAggregate<S> = { ...loaded, state, revision: append.written[append.written.length - 1]!.revision };
  const stream = loaded.stream;
  if (snapshotDue(getName(w.snapshots, stream), after.revision, w.snapshotEveryEvents)) {
    saveSnapshot(w.snapshots, after, w.nowMs);
    emitEs(
      w.trace,
      withIds(
        { type: 'snapshot-saved' as const, atMs: w.nowMs, stream, revision: after.revision },
        ids.correlationId,
        ids.causationId,
      ),
    );
  }
  return after;
}

/** Runs scheduled deliveries (bounded, like every run). */
export function esRun(w: EsWorld, model: EsModel, limits: RunLimits): RunOutcome {
  return runUntil<EsTask, EsWorld>(w, (world, task) => runDeliver(world, model, task), limits);
}
