/**
 * Model-specific sections: titled lists of rows, each a thing with a status and a line of detail —
 * a saga's steps (pending, running, done, failed, compensating, compensated), an event store's
 * projections and last load. The model decides the rows; this panel only draws them, so a new
 * model adds sections to its view instead of a new panel.
 *
 * A status is an icon and a word (the model's own word when it has one), never colour alone.
 * Names come from commands and links, so everything is rendered as text.
 *
 * `SectionsPanel` takes plain props; `ConnectedSectionsPanel` reads `view.sections` from a store.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { SectionRow, ViewSection } from '../view.ts';
import type { WorkbenchStore } from '../store.ts';
import type { InspectTarget } from './inspect.ts';
import { statusBadge } from './labels.ts';
import './panels.css';
import './sections.css';

export interface SectionsPanelProps {
  sections: readonly ViewSection[];
  /** Called with a row's node when the row names one; keep it stable (useCallback). */
  onInspect?: (target: InspectTarget) => void;
  /** Panel heading; defaults to "Details". */
  title?: string;
  /** Shown when there are no sections. */
  emptyText?: string;
}

/** A row's status as an icon and a word; the class adds colour on top, never instead. */
export function RowStatus({ row }: { row: Pick<SectionRow, 'status' | 'statusWord'> }) {
  const b = statusBadge(row.status);
  return (
    <span className={`wbp-status wbp-status-${row.status}`}>
      <span aria-hidden="true">{b.icon}</span> {row.statusWord ?? b.word}
    </span>
  );
}

function Row({ row, onInspect }: { row: SectionRow; onInspect?: SectionsPanelProps['onInspect'] }) {
  const nodeId = row.nodeId;
  return (
    <li className="wbs-row">
      <span className="wbs-label">
        {nodeId !== undefined && onInspect ? (
          <button type="button" className="wbp-link-button" onClick={() => onInspect({ kind: 'node', id: nodeId })}>
            {row.label}
          </button>
        ) : (
          row.label
        )}
      </span>
      <RowStatus row={row} />
      {row.detail !== '' && <span className="wbs-detail">{row.detail}</span>}
    </li>
  );
}

function Section({ section, onInspect }: { section: ViewSection; onInspect?: SectionsPanelProps['onInspect'] }) {
  const headingId = useId();
  return (
    <section className="wbs-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="wbs-title">
        {section.title}
      </h3>
      {section.summary !== undefined && <p className="wbs-summary">{section.summary}</p>}
      {section.rows.length === 0 ? (
        <p className="wbp-empty">Nothing yet.</p>
      ) : (
        <ul className="wbs-rows" aria-labelledby={headingId}>
          {section.rows.map((r, i) => (
            <Row key={`${i}:${r.label}`} row={r} onInspect={onInspect} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every section of the view, in order. */
export function SectionsPanel({
  sections,
  onInspect,
  title = 'Details',
  emptyText = 'Nothing to show yet.',
}: SectionsPanelProps) {
  const headingId = useId();
  return (
    <section className="wbp-panel wbs-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        {title}
      </h2>
      {sections.length === 0 ? (
        <p className="wbp-empty">{emptyText}</p>
      ) : (
        sections.map((s, i) => <Section key={`${i}:${s.id ?? s.title}`} section={s} onInspect={onInspect} />)
      )}
    </section>
  );
}

const none: readonly ViewSection[] = [];

/** SectionsPanel reading `view.sections` from a workbench store. */
export function ConnectedSectionsPanel<C>({
  store,
  ...rest
}: Omit<SectionsPanelProps, 'sections'> & { store: WorkbenchStore<C> }) {
  const sections = useStore(store, (s) => s.view.sections ?? none);
  return <SectionsPanel sections={sections} {...rest} />;
}
