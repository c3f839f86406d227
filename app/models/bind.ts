/**
 * A model's registry entry bound to one scenario: the `BoundModel` the workbench store drives.
 *
 * Everything here is the same for every model — the clock, the step and End commands and the trace
 * come from the simulator's contract, the picture from the entry — so a page opens any model the
 * same way and no page or store knows a model by name.
 */
import type { NodeId, TraceBase } from '../../simulator/index.ts';
import { entryView } from './entry-view.ts';
import type { BoundModel } from '../workbench/view.ts';
import type { AnyModelUi } from './types.ts';

export function bindModel(ui: AnyModelUi, scenario: unknown): BoundModel<unknown, { type: string }> {
  const run = ui.model.run(scenario);
  return {
    init: (seed) => run.init(seed),
    apply: (s, c) => run.apply(s, c),
    clone: (s) => run.clone(s),
    topology: (s) => ui.topology(s, scenario),
    view: (s) => ui.view(s),
    nowMs: (s) => run.nowMs(s),
    nextAtMs: (s) => run.nextAtMs(s),
    traceLength: (s) => run.trace(s).nextId,
    fullTrace: (s) => {
      const log = run.trace(s);
      return { total: log.nextId, kept: log.entries, show: (e) => entryView(ui.model, s, e as TraceBase) };
    },
    ...(run.endCommand ? { runToEndCommand: (s: unknown) => run.endCommand!(s) } : {}),
    stepCommand: run.stepCommand,
    nodeActions: (s, node) => ui.actions(s, node as NodeId, scenario),
  };
}
