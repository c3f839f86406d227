/**
 * The event store's own panel: every stream as a strip of its newest events — revision, type and
 * the amount it moved, so "why is the balance 750?" can be answered from the stream itself — with
 * the newest snapshot, the last load and each projection's checkpoint marked after the revision
 * it has folded in, and how many events come after it (what a load replays, a projection's lag).
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import { formatCount, plural } from '../../workbench/panels/labels.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import type { PanelProps } from '../types.ts';
import { streamTarget } from './bank-inspect.ts';
import type { BankPanelsView, StreamView } from './bank-view-types.ts';
import '../../workbench/panels/panels.css';

/** The event store's slice of a view. */
export function bankPanels(view: WorkbenchView): BankPanelsView {
  return (view.model as BankPanelsView | undefined) ?? { streams: [], all: null };
}

const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

function StreamStrip({ s, onInspect, selected }: { s: StreamView } & Pick<PanelProps, 'onInspect' | 'selected'>) {
  const earlier = s.count - s.cells.length;
  const isAll = s.id === '$all';
  const unit = isAll ? 'position' : 'revision';
  return (
    <li className="wbp-partition">
      <div className="wbp-partition-head">
        <span className="wbp-name">{s.id}</span>
        <span className="wbp-partition-facts">{plural(s.count, 'event')}</span>
        {earlier > 0 && <span className="wbp-earlier">… {plural(earlier, 'earlier event')}</span>}
      </div>
      {s.cells.length === 0 ? (
        <p className="wbp-empty-strip">No events in this stream yet.</p>
      ) : (
        <ol className="es-cells" aria-label={`Newest events of ${s.id}`}>
          {s.cells.map((c) => {
            const isSelected =
              selected?.kind === 'model' && selected.what === 'event' && selected.id === s.id && selected.at === c.revision;
            const amount = c.amountCents === null ? '' : ` ${money(c.amountCents)}`;
            return (
              <li key={c.revision}>
                <button
                  type="button"
                  className={`es-cell${isSelected ? ' wbp-selected' : ''}`}
                  aria-pressed={isSelected}
                  aria-label={`${unit} ${c.revision}: ${c.type}${amount}`}
                  onClick={() => onInspect(streamTarget.event(s.id, c.revision))}
                >
                  <span className="wbp-cell-offset">{c.revision}</span>
                  <span className="es-cell-type">{c.type}</span>
                  {amount && <span className="es-cell-amount">{amount}</span>}
                </button>
                {s.markers
                  .filter((m) => m.after === c.revision)
                  .map((m) => (
                    <span key={m.label} className="es-marker">
                      ▏{m.label}
                    </span>
                  ))}
              </li>
            );
          })}
        </ol>
      )}
      {s.markers.length > 0 && (
        <ul className="es-marker-list">
          {s.markers.map((m) => (
            <li key={m.label}>
              <strong>{m.label}</strong>: {m.after < 0 ? 'nothing folded yet' : `folded up to ${unit} ${formatCount(m.after)}`} ·{' '}
              {plural(m.behind, 'event')} after it
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function StreamsPanel({
  view,
  onInspect,
  selected,
}: { view: WorkbenchView } & Pick<PanelProps, 'onInspect' | 'selected'>) {
  const headingId = useId();
  const { streams, all } = bankPanels(view);
  return (
    <section className="wbp-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        Streams
      </h2>
      <ul className="wbp-legend" aria-label="Legend">
        <li>each cell is one event: its revision in the stream, its type and the amount it moved</li>
        <li>a marker ▏ stands after the last event a snapshot, a load or a projection has folded in</li>
      </ul>
      {streams.length === 0 ? (
        <p className="wbp-empty">No streams yet. Open an account from the commands node.</p>
      ) : (
        <ol className="wbp-partition-list">
          {[...streams, ...(all ? [all] : [])].map((s) => (
            <StreamStrip key={s.id} s={s} onInspect={onInspect} selected={selected} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function ConnectedStreamsPanel({ store, onInspect, selected }: PanelProps) {
  const view = useStore(store, (s) => s.view);
  return <StreamsPanel view={view} onInspect={onInspect} selected={selected} />;
}
