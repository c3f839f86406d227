/**
 * A trace entry as the workbench shows it, for any model: the model's own sentence, the nodes it
 * names and, when it moves something, where from and where to — all read from the model contract,
 * so a model's view never re-states which nodes an entry is about.
 *
 * Trace entries never change once written, so each one's view is built once and kept (per model,
 * keyed by the entry object): a refresh during play builds views only for the entries that are new
 * since the last one, and an entry keeps the same view object — so the trace log re-renders only
 * new rows.
 */
import type { AnyModel, TraceBase } from '../../simulator/index.ts';
import type { TraceEntryView } from '../workbench/view.ts';

/** Entries a view keeps (the newest), so a long run does not rebuild thousands per refresh. */
export const viewEntriesMax = 400;

/** What a model adds to an entry's view beyond the contract (a record's key, a message's body). */
export type EntryExtras = (
  e: TraceBase,
  view: TraceEntryView,
) => Partial<Pick<TraceEntryView, 'key' | 'carries' | 'nodes' | 'from' | 'to'>>;

const caches = new WeakMap<AnyModel, WeakMap<TraceBase, TraceEntryView>>();

/** One entry, in the world `state` it was written in. */
export function entryView(model: AnyModel, state: unknown, e: TraceBase, extras?: EntryExtras): TraceEntryView {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new WeakMap()));
  const known = cache.get(e);
  if (known) return known;
  const out: TraceEntryView = {
    id: e.id,
    atMs: e.atMs,
    type: e.type,
    text: model.describe(e),
    nodes: model.entryNodes(e, state),
  };
  const r = model.route(e, state);
  if (r) {
    out.from = r.from;
    out.to = r.to;
  }
  if (e.correlationId !== undefined) out.correlationId = e.correlationId;
  if (extras) Object.assign(out, extras(e, out));
  cache.set(e, out);
  return out;
}

/** The newest `viewEntriesMax` entries of a trace, oldest first. */
export function recentEntryViews(
  model: AnyModel,
  state: unknown,
  entries: readonly TraceBase[],
  extras?: EntryExtras,
): TraceEntryView[] {
  return entries.slice(Math.max(0, entries.length - viewEntriesMax)).map((e) => entryView(model, state, e, extras));
}
