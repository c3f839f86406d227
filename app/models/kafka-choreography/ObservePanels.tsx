/**
 * Two panels that observe the choreography from outside. "Causation tree": pick any event and see
 * what it caused, across services, as an indented list and as a sequence diagram, with the chain
 * of events that caused it above. "Catalog and lag": who produces and who consumes each event
 * type, built from what has run, and each service's consumer lag, the health signal.
 */
import { useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { CausationNode, ObservedEvent } from '../../../simulator/index.ts';
import { MermaidDiagram } from '../../diagram/MermaidDiagram.tsx';
import { sequenceDiagramText } from '../../diagram/sequence-text.ts';
import type { PanelProps } from '../types.ts';
import {
  causesOf,
  eventLabel,
  lagWords,
  pickedEvent,
  reactionWords,
  treeOf,
  treeSequence,
  type ObserveView,
} from './observe-view.ts';
import '../../workbench/panels/panels.css';
import './observe.css';

const empty: ObserveView = { events: [], catalog: [], health: [], deadLetters: 0 };

function useObserveView(store: PanelProps['store']): ObserveView {
  return useStore(store, (s) => (s.view.model as ObserveView | undefined) ?? empty);
}

function TreeList({
  node,
  down,
  onPick,
}: {
  node: CausationNode<ObservedEvent>;
  down: ReadonlySet<string>;
  onPick: (id: string) => void;
}) {
  const e = node.event;
  const handled = reactionWords(e, down);
  return (
    <li>
      <button type="button" className="obs-event" onClick={() => onPick(e.id)} aria-label={`Show the tree of ${eventLabel(e)}`}>
        {e.name}
      </button>{' '}
      <span className="obs-facts">
        {e.id} by {e.producer}
        {e.afterRedelivery ? ', after a redelivery' : ''} → {handled}
      </span>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <TreeList key={c.event.id} node={c} down={down} onPick={onPick} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function TraceTreePanel({ store }: PanelProps) {
  const headingId = useId();
  const { events, health } = useObserveView(store);
  const down = new Set(health.filter((h) => !h.up).map((h) => h.service));
  const [picked, setPicked] = useState<string | null>(null);
  const root = pickedEvent(events, picked);
  const tree = root === undefined ? undefined : treeOf(events, root.id);
  const causes = root === undefined ? [] : causesOf(events, root.id);
  const dark = document.documentElement.dataset.theme === 'dark';
  const text = useMemo(() => {
    if (tree === undefined) return '';
    const { messages, participants } = treeSequence(tree);
    return sequenceDiagramText(messages, participants);
  }, [tree]);
  return (
    <section className="wbp-panel obs-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        Causation tree: what one event caused
      </h2>
      {root === undefined || tree === undefined ? (
        <p className="wbp-empty">No event has been produced yet. Place an order and run the simulation.</p>
      ) : (
        <>
          <label className="obs-pick">
            Event{' '}
            <select value={root.id} onChange={(e) => setPicked(e.currentTarget.value)}>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {eventLabel(e)}
                </option>
              ))}
            </select>
          </label>
          <p className="obs-ids">
            correlationId <code>{root.correlationId}</code> · causationId{' '}
            <code>{root.causationId ?? 'none: the first event of its flow'}</code>
          </p>
          {causes.length > 0 && <p className="obs-causes">Caused by: {causes.map((c) => `${c.name} (${c.id})`).join(' → ')}</p>}
          <ul className="obs-tree" aria-label={`What ${eventLabel(root)} caused`}>
            <TreeList node={tree} down={down} onPick={setPicked} />
          </ul>
          <figure
            className="obs-sequence"
            // Wider than the panel: focusable so the keyboard can scroll it sideways too.
            tabIndex={0}
            aria-label="Sequence diagram, scrolls sideways"
          >
            <figcaption>
              The same tree in time: each arrow is an event read from order-events by a service that reacts to it.
            </figcaption>
            <MermaidDiagram
              text={text}
              dark={dark}
              fitWidth={false}
              label={`Sequence diagram of what ${eventLabel(root)} caused`}
            />
          </figure>
        </>
      )}
    </section>
  );
}

export function CatalogPanel({ store }: PanelProps) {
  const headingId = useId();
  const lagId = useId();
  const { catalog, health, deadLetters } = useObserveView(store);
  return (
    <section className="wbp-panel obs-panel" aria-labelledby={headingId}>
      <h2 id={lagId} className="wbp-title">
        Health: consumer lag and dead letters
      </h2>
      {/* Focusable: on a phone the table may scroll sideways, and the keyboard must reach it. */}
      <div className="obs-table-scroll" tabIndex={0} role="region" aria-labelledby={lagId}>
        <table className="obs-table" aria-labelledby={lagId}>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="obs-wide-only">
                Group
              </th>
              <th scope="col">Lag (records)</th>
              <th scope="col">Running</th>
            </tr>
          </thead>
          <tbody>
            {health.map((h) => (
              <tr key={h.service} className={h.lag !== null && h.lag > 0 ? 'obs-lagging' : undefined}>
                <th scope="row">{h.service}</th>
                <td className="obs-wide-only">{h.group}</td>
                <td>{lagWords(h)}</td>
                <td>{h.up ? 'up' : 'down'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={deadLetters > 0 ? 'obs-dlt obs-lagging' : 'obs-dlt'}>
        Dead-letter topic order-events-dlt: <strong>{deadLetters}</strong> {deadLetters === 1 ? 'record' : 'records'} waiting
        {deadLetters > 0 ? ' ▲ someone must look' : ''}
      </p>
      <h2 id={headingId} className="wbp-title">
        Event catalog, from what has run
      </h2>
      {catalog.length === 0 ? (
        <p className="wbp-empty">No event has been produced yet.</p>
      ) : (
        <div className="obs-table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="obs-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Event type</th>
                <th scope="col">Produced by</th>
                <th scope="col">Consumed by</th>
                <th scope="col">Records</th>
              </tr>
            </thead>
            <tbody>
              {catalog.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td>{r.producers.join(', ')}</td>
                  <td>{r.consumers.length === 0 ? 'nobody reacts' : r.consumers.join(', ')}</td>
                  <td>{r.records}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="wbp-empty">
        All on topic order-events; every group reads every record and acts only on the types it reacts to.
      </p>
    </section>
  );
}
