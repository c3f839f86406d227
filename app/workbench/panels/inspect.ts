/**
 * What the inspector says about a selected thing, in plain language, as pure data: a title, a list
 * of term/detail pairs for a definition list, and the raw item for "Show raw JSON". It only looks
 * things up in the view and words them; when the item is gone (the learner stepped back before it
 * existed) it says so instead of showing stale data.
 *
 * Nodes and trace entries are the same for every model and are worded here; what a model's own
 * panels select (a Kafka partition, an event-store stream) is a `model` target that the model's
 * registry entry words in its own terms.
 */
import type { NodeId } from '../../../simulator/index.ts';
import type { TraceEntryView, WorkbenchView } from '../view.ts';
import { formatMs, plural, statusBadge } from './labels.ts';

/** Something a learner can select for the inspector. */
export type InspectTarget =
  | { kind: 'node'; id: string }
  | { kind: 'entry'; id: number }
  /** A thing one model's panel shows: `what` in that model's words, its id, and a position in it. */
  | { kind: 'model'; what: string; id: string; at?: number };

export interface Fact {
  term: string;
  detail: string;
}

export type Inspection =
  { found: true; kind: string; title: string; facts: Fact[]; raw: unknown } | { found: false; title: string; message: string };

/** How a model takes part in inspecting (app/models/types.ts `ModelUi.inspect` and `nodeFacts`). */
export interface InspectHooks {
  inspect?(view: WorkbenchView, target: InspectTarget): Inspection | undefined;
  nodeFacts?(view: WorkbenchView, node: NodeId): Fact[];
  /** The name a learner reads for a node (the topology's label). */
  labelOf?(node: string): string;
}

/** Whether two targets name the same thing (for "selected" highlights). */
export function sameTarget(a: InspectTarget | null | undefined, b: InspectTarget | null | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'model' && b.kind === 'model') return a.what === b.what && a.id === b.id && a.at === b.at;
  return a.id === b.id;
}

export const fact = (term: string, detail: string): Fact => ({ term, detail });
export const missing = (title: string, what: string): Inspection => ({
  found: false,
  title,
  message: `${what} does not exist at this point in the run. Step forward, or pick something else.`,
});

function recentFor(view: WorkbenchView, nodeId: string): TraceEntryView[] {
  return view.entries.filter((h) => (h.nodes as string[]).includes(nodeId) || h.from === nodeId || h.to === nodeId);
}

/** Describes the target as it is in this view. */
export function inspect(view: WorkbenchView, target: InspectTarget, hooks: InspectHooks = {}): Inspection {
  const label = (id: string): string => hooks.labelOf?.(id) ?? id;
  switch (target.kind) {
    case 'node': {
      const node = view.nodes.find((n) => n.id === target.id);
      if (!node) return missing(label(target.id), `Node ${label(target.id)}`);
      const recent = recentFor(view, node.id);
      const facts = [fact('Status', statusBadge(node.status).word)];
      if (node.detail) facts.push(fact('Now', node.detail));
      facts.push(...(hooks.nodeFacts?.(view, node.id) ?? []));
      facts.push(fact('Recent trace entries', plural(recent.length, 'entry', 'entries')));
      const last = recent.at(-1);
      if (last) facts.push(fact('Last', `${last.text} (at ${formatMs(last.atMs)})`));
      return { found: true, kind: 'Node', title: label(node.id), facts, raw: node };
    }
    case 'entry': {
      const h = view.entries.find((x) => x.id === target.id);
      if (!h) return missing(`Trace entry #${target.id}`, `Trace entry #${target.id}`);
      const facts = [fact('What', h.text), fact('When', `at ${formatMs(h.atMs)} of virtual time`), fact('Kind', h.type)];
      if (h.nodes.length > 0) facts.push(fact('Involves', h.nodes.map(label).join(', ')));
      if (h.from || h.to) facts.push(fact('From → to', `${h.from ? label(h.from) : '?'} → ${h.to ? label(h.to) : '?'}`));
      if (h.correlationId) facts.push(fact('Correlation id', h.correlationId));
      return { found: true, kind: 'Trace entry', title: `#${h.id} ${h.type}`, facts, raw: h };
    }
    case 'model':
      return (
        hooks.inspect?.(view, target) ?? {
          found: false,
          title: target.id,
          message: `This view cannot describe a ${target.what}. Pick something else.`,
        }
      );
  }
}

/** Raw JSON for the disclosure; never throws (a cycle or a BigInt would show a note instead). */
export function rawJson(raw: unknown): string {
  try {
    return JSON.stringify(raw, null, 2) ?? 'undefined';
  } catch (e) {
    return `Could not show this item as JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}
