/**
 * A trace entry as the workbench shows it, for any model: the model's own sentence, the nodes it
 * names and, when it moves something, where from and where to — all read from the model contract,
 * so a model's view never re-states which nodes an entry is about.
 */
import type { AnyModel, TraceBase } from '../../simulator/index.ts';
import type { TraceEntryView } from '../workbench/view.ts';

/** Entries a view keeps (the newest), so a long run does not rebuild thousands per refresh. */
export const viewEntriesMax = 400;

/** One entry, in the world `state` it was written in. */
export function entryView(model: AnyModel, state: unknown, e: TraceBase): TraceEntryView {
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
  return out;
}

/** The newest `viewEntriesMax` entries of a trace, oldest first. */
export function recentEntryViews(model: AnyModel, state: unknown, entries: readonly TraceBase[]): TraceEntryView[] {
  return entries.slice(Math.max(0, entries.length - viewEntriesMax)).map((e) => entryView(model, state, e));
}
