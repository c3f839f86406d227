/**
 * The "Blank" scenario of every model: the least the model can run, to build a system from the
 * page. A model without an entry here gets `{}`, which every model reads as "all defaults" — for
 * the pattern models (outbox, idempotent consumer, 2PC, choreographies) that is the smallest
 * system they have, since their parts are fixed and only their settings and faults vary.
 */
import type { BuiltInScenario } from '../models/types.ts';

export const blankScenarioId = 'blank';

const blanks: Readonly<Record<string, unknown>> = {
  // A cluster needs at least one broker; everything else is added from the Build tab.
  kafka: { version: 1, name: 'Blank', brokers: [{ id: 1 }], topics: [] },
  // The orchestrated saga needs at least one step: the first one, creating the order.
  saga: { steps: ['create-order'] },
  // The feed needs to know how reads are served; the rest is posting and reading from the page.
  'cqrs-feed': { readPath: 'feed' },
};

/** The Blank scenario of a model, listed after its built-in ones. */
export function blankScenario(modelId: string): BuiltInScenario {
  const raw = Object.prototype.hasOwnProperty.call(blanks, modelId) ? blanks[modelId] : {};
  return { id: blankScenarioId, title: 'Blank: build your own', raw };
}

/** A model's scenarios with Blank added at the end (the first stays the playground's default). */
export function withBlank<T extends { scenarios: readonly BuiltInScenario[]; model: { id: string } }>(ui: T): T {
  if (ui.scenarios.some((s) => s.id === blankScenarioId)) return ui;
  return { ...ui, scenarios: [...ui.scenarios, blankScenario(ui.model.id)] };
}
