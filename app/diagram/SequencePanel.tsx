/**
 * The sequence diagram of what happened just before the cursor, or of one business flow
 * (a correlation id): participants are the nodes, arrows the requests and replies between them.
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { TraceEntryView } from '../workbench/view.ts';
import type { WorkbenchStore } from '../workbench/store.ts';
import { MermaidDiagram } from './MermaidDiagram.tsx';
import { sequenceDiagramText, type SequenceMessage } from './sequence-text.ts';

/** Most arrows drawn at once; more than this is unreadable anyway. */
export const sequenceArrowsMax = 30;

/** Picks the messages to draw: the last arrows, optionally of one correlation id only. */
export function sequenceMessages(
  entries: readonly TraceEntryView[],
  correlationId: string | null,
  labelOf: (node: string) => string = (node) => node,
): SequenceMessage[] {
  const picked = entries.filter((h) => h.from && h.to && (correlationId === null || h.correlationId === correlationId));
  // Participants are the topology's nodes, named as the learner reads them on the diagram.
  return picked
    .slice(-sequenceArrowsMax)
    .map((h) => ({ from: labelOf(h.from!), to: labelOf(h.to!), text: shorten(h.text), reply: h.type.endsWith('acked') }));
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function SequencePanel({
  entries,
  dark,
  labels,
}: {
  entries: readonly TraceEntryView[];
  dark: boolean;
  /** Node id → the name on its card. */
  labels?: ReadonlyMap<string, string>;
}) {
  const [correlation, setCorrelation] = useState<string | null>(null);
  const ids = useMemo(
    () => [...new Set(entries.map((h) => h.correlationId).filter((x): x is string => !!x))].slice(-50),
    [entries],
  );
  const messages = useMemo(
    () => sequenceMessages(entries, correlation, (id) => labels?.get(id) ?? id),
    [entries, correlation, labels],
  );
  const text = useMemo(() => sequenceDiagramText(messages), [messages]);
  return (
    <section aria-labelledby="sequence-title">
      <h2 id="sequence-title" className="panel-title">
        Sequence diagram
      </h2>
      <label>
        Flow{' '}
        <select value={correlation ?? ''} onChange={(e) => setCorrelation(e.currentTarget.value || null)}>
          <option value="">everything (last {sequenceArrowsMax} messages)</option>
          {ids.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {messages.length === 0 ? (
        <p>Nothing has been sent yet. Step forward to see messages appear.</p>
      ) : (
        <MermaidDiagram text={text} dark={dark} label={`Sequence diagram of the last ${messages.length} messages`} />
      )}
    </section>
  );
}

/** SequencePanel reading the entries from a workbench store (only this panel re-renders with them). */
export function ConnectedSequencePanel<C>({ store, dark }: { store: WorkbenchStore<C>; dark: boolean }) {
  const entries = useStore(store, (s) => s.view.entries);
  const topology = useStore(store, (s) => s.topology);
  const labels = useMemo(() => new Map(topology.nodes.map((n) => [n.id as string, n.label])), [topology]);
  return <SequencePanel entries={entries} dark={dark} labels={labels} />;
}
