/**
 * The trace log: recent entries, oldest at the top and newest at the bottom, filterable by
 * node, kind, correlation id and free text (the filtering itself is the pure trace-filter.ts).
 * Each entry is a button: activating it jumps the timeline there (`onJump`) and shows it in the
 * inspector (`onInspect`). The list follows new entries only while the learner is at the bottom.
 *
 * Fast with ~1,000 entries: rows are memoised by content, only the newest `pageSize` matches are
 * rendered ("Show 300 earlier"), and the filter runs once per change in one pass.
 *
 * The filter is internal state unless `filter` and `onFilterChange` are given (then controlled),
 * so a page can, say, filter by a node the learner clicked in the topology.
 */
import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { TraceEntryView } from '../view.ts';
import type { WorkbenchStore } from '../store.ts';
import type { InspectTarget } from './inspect.ts';
import { formatCount, formatMs, plural } from './labels.ts';
import { emptyTraceFilter, filterEntries, isFilterActive, newestWindow, traceFacets, type TraceFilter } from './trace-filter.ts';
import { useStickToEnd } from './useStickToEnd.ts';
import './panels.css';

export interface TraceLogProps {
  entries: readonly TraceEntryView[];
  /** Seek the timeline to this entry. Keep stable (useCallback). */
  onJump?: (entryId: number) => void;
  /** Show this entry in the inspector. Keep stable (useCallback). */
  onInspect?: (target: InspectTarget) => void;
  /** The selected entry id (marked as current). */
  selectedId?: number | null;
  /** Controlled filter; omit for internal state. */
  filter?: TraceFilter;
  onFilterChange?: (filter: TraceFilter) => void;
  /** Most entries rendered at once before "Show earlier"; default 300. */
  pageSize?: number;
  title?: string;
}

interface EntryProps {
  h: TraceEntryView;
  selected: boolean;
  onActivate: (h: TraceEntryView) => void;
  onCorrelation: (id: string) => void;
}

const Entry = memo(
  function Entry({ h, selected, onActivate, onCorrelation }: EntryProps) {
    return (
      <li className={`wbp-entry${selected ? ' wbp-selected' : ''}`}>
        <button
          type="button"
          className="wbp-entry-main"
          aria-current={selected ? 'true' : undefined}
          onClick={() => onActivate(h)}
        >
          <span className="wbp-entry-time">{formatMs(h.atMs)}</span>
          <span className="wbp-entry-type">{h.type}</span>
          <span className="wbp-entry-text">{h.text}</span>
        </button>
        {h.correlationId && (
          <button
            type="button"
            className="wbp-entry-corr"
            title={`Show only correlation id ${h.correlationId}`}
            aria-label={`Show only correlation id ${h.correlationId}`}
            onClick={() => onCorrelation(h.correlationId!)}
          >
            <span aria-hidden="true"># </span>
            {h.correlationId}
          </button>
        )}
      </li>
    );
  },
  // The store rebuilds entries on every change; compare what is drawn. Ids can be reused after a fork.
  (a, b) =>
    a.selected === b.selected &&
    a.onActivate === b.onActivate &&
    a.onCorrelation === b.onCorrelation &&
    (a.h === b.h ||
      (a.h.id === b.h.id &&
        a.h.atMs === b.h.atMs &&
        a.h.type === b.h.type &&
        a.h.text === b.h.text &&
        a.h.correlationId === b.h.correlationId)),
);

function Select({
  label,
  value,
  options,
  any,
  onChange,
}: {
  label: string;
  value: string;
  options: string[];
  any: string;
  onChange: (v: string) => void;
}) {
  // Keep a chosen value in the list even when no current entry has it (e.g. after stepping back).
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <label className="wbp-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The filterable list of entries. */
export function TraceLog(props: TraceLogProps) {
  const { entries, onJump, onInspect, selectedId = null, pageSize = 300, title = 'Trace log' } = props;
  const ids = { heading: useId(), list: useId(), corr: useId() };
  const [ownFilter, setOwnFilter] = useState<TraceFilter>(emptyTraceFilter);
  const filter = props.filter ?? ownFilter;
  const { onFilterChange } = props;
  const setFilter = useCallback(
    (f: TraceFilter) => {
      setOwnFilter(f);
      onFilterChange?.(f);
    },
    [onFilterChange],
  );
  const [limit, setLimit] = useState(pageSize);

  const facets = useMemo(() => traceFacets(entries), [entries]);
  const matches = useMemo(() => filterEntries(entries, filter), [entries, filter]);
  const { shown, hidden } = newestWindow(matches, limit);
  const { ref, onScroll } = useStickToEnd<HTMLOListElement>('y', `${shown.at(-1)?.id}:${shown.length}`);

  const onActivate = useCallback(
    (h: TraceEntryView) => {
      onJump?.(h.id);
      onInspect?.({ kind: 'entry', id: h.id });
    },
    [onJump, onInspect],
  );
  const onCorrelation = useCallback((id: string) => setFilter({ ...filter, correlationId: id }), [filter, setFilter]);
  const set = (k: keyof TraceFilter) => (v: string) => setFilter({ ...filter, [k]: v });

  return (
    <section className="wbp-panel wbp-trace" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="wbp-title">
        {title}
      </h2>
      <div className="wbp-filters" role="search" aria-label="Filter the trace log">
        <label className="wbp-field wbp-field-grow">
          <span>Search</span>
          <input type="search" value={filter.search} placeholder="text or key" onChange={(e) => set('search')(e.target.value)} />
        </label>
        <Select label="Node" value={filter.node} options={facets.nodes} any="any node" onChange={set('node')} />
        <Select label="Kind" value={filter.type} options={facets.types} any="any kind" onChange={set('type')} />
        <label className="wbp-field">
          <span>Correlation id</span>
          <input
            type="search"
            list={ids.corr}
            value={filter.correlationId}
            onChange={(e) => set('correlationId')(e.target.value)}
          />
          <datalist id={ids.corr}>
            {facets.correlationIds.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        {isFilterActive(filter) && (
          <button type="button" onClick={() => setFilter(emptyTraceFilter)}>
            Clear filters
          </button>
        )}
      </div>
      <p className="wbp-trace-count">
        {isFilterActive(filter)
          ? `Showing ${formatCount(matches.length)} of ${plural(entries.length, 'entry', 'entries')}`
          : plural(entries.length, 'entry', 'entries')}
      </p>
      {hidden > 0 && (
        <button type="button" className="wbp-more" onClick={() => setLimit((l) => l + pageSize)}>
          Show {formatCount(Math.min(hidden, pageSize))} earlier ({formatCount(hidden)} hidden)
        </button>
      )}
      {shown.length === 0 ? (
        <p className="wbp-empty">{entries.length === 0 ? 'Nothing has happened yet.' : 'No entries match the filter.'}</p>
      ) : (
        <ol id={ids.list} className="wbp-trace-list" ref={ref} onScroll={onScroll} aria-label="Trace entries, newest last">
          {shown.map((h) => (
            <Entry key={h.id} h={h} selected={h.id === selectedId} onActivate={onActivate} onCorrelation={onCorrelation} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** TraceLog reading `view.entries` from a workbench store. */
export function ConnectedTraceLog<C>({ store, ...rest }: Omit<TraceLogProps, 'entries'> & { store: WorkbenchStore<C> }) {
  const entries = useStore(store, (s) => s.view.entries);
  return <TraceLog entries={entries} {...rest} />;
}
