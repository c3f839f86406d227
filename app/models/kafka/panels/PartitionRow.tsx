/**
 * One partition as a strip: offset cells (oldest left, newest right) with each record's key, log
 * markers above (log start, HW, LEO, in words), each group's committed pointer below with the lag
 * gap to the HW and its number. Records at or above the HW are hatched and dashed, not just tinted.
 *
 * Memoised by identity: the store keeps a partition's view object while nothing in it changes
 * (app/workbench/share-unchanged.ts), so a partition that did not change is not re-rendered. Cells are buttons with
 * a roving tab stop (one Tab stop per strip, arrow keys between records) so a keyboard can inspect
 * any record without tabbing through hundreds of them.
 */
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { PartitionView } from '../kafka-view-types.ts';
import { kafkaTarget } from '../kafka-inspect.ts';
import type { InspectTarget } from '../../../workbench/panels/inspect.ts';
import { formatCount, plural } from '../../../workbench/panels/labels.ts';
import {
  isAboveHighWatermark,
  pointerNotes,
  removedRecordCount,
  stripLayout,
  stripSummary,
  type StripLayout,
  type StripMarker,
} from './strip-geometry.ts';
import { useNearView } from './useNearView.ts';
import { fitStrip } from './strip-fit.ts';
import { useCellsThatFit } from './useCellsThatFit.ts';
import { GapCell } from './GapCell.tsx';
import { drawnRange, initialWindow, sameWindow, windowForScroll, windowIncluding, type StripWindow } from './strip-window.ts';
import '../schema/schema.css';
import './jump.css';

export interface PartitionRowProps {
  partition: PartitionView;
  /** Must be stable (useCallback) or every row re-renders on every change. */
  onInspect?: (target: InspectTarget) => void;
  /** True when the partition itself is selected in the inspector. */
  selected?: boolean;
  /** Offset of the selected record in this partition, if any. */
  selectedOffset?: number | null;
}

const vars = (v: Record<string, number>): CSSProperties => v as CSSProperties;

function Marker({ m, below }: { m: StripMarker; below?: boolean }) {
  const cls = `wbp-marker wbp-marker-${m.kinds.join(' wbp-marker-')} wbp-align-${m.align}${m.clipped ? ' wbp-clipped' : ''}`;
  return (
    <>
      {below && m.spanTo !== undefined && (
        <span
          className="wbp-lag-gap"
          style={vars({ '--at': m.at, '--span': m.spanTo - m.at, '--lane': m.lane })}
          aria-hidden="true"
        />
      )}
      {m.jumpTo !== undefined && (
        // The jump itself: from the old spot back to where the pointer went (moment.css-like sweep).
        <span
          className="wbp-jump-span"
          style={vars({ '--at': Math.min(m.jumpTo, m.at), '--span': Math.abs(m.at - m.jumpTo), '--lane': m.lane })}
          aria-hidden="true"
        />
      )}
      <span className={cls} style={vars({ '--at': m.at, '--lane': m.lane })} data-offset={m.offset}>
        <span className="wbp-marker-text">{m.text}</span>
      </span>
    </>
  );
}

interface StripProps {
  p: PartitionView;
  /**
   * Given when strip-fit.ts left records out so the committed offsets and the log end fit the
   * width: its gap cells are buttons that call it to draw every record again.
   */
  onShowAll?: () => void;
  layout: StripLayout;
  onInspect?: (target: InspectTarget) => void;
  selectedOffset: number | null;
}

/** The strip itself: log markers, the cells, the committed pointers. Mounted only near the screen. */
function Strip({ p, onShowAll, layout, onInspect, selectedOffset }: StripProps) {
  const n = p.cells.length;
  const scroller = useRef<HTMLDivElement>(null);
  const cellCount = useRef(n);
  cellCount.current = n;
  const [win, setWin] = useState<StripWindow>(initialWindow);
  const { from, to } = drawnRange(n, win);
  const shown = p.cells.slice(from, to);
  const [focusOffset, setFocusOffset] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);
  // The cell holding the strip's single tab stop: the last one focused if still drawn, else the newest drawn.
  const tabOffset = shown.some((c) => c.offset === focusOffset) ? focusOffset : (shown.at(-1)?.offset ?? null);

  // Which cells to draw follows the scroll position and the panel's width; neither is read while
  // the strip merely updates (the width comes from a ResizeObserver, the position from scroll events).
  const update = useCallback((width?: number) => {
    const el = scroller.current;
    if (!el) return;
    // The strip is (cells + 1) cell widths wide (see .wbp-strip).
    const cellPx = el.scrollWidth / (cellCount.current + 1);
    const next = windowForScroll(-el.scrollLeft, width ?? el.clientWidth, cellPx);
    setWin((w) => (sameWindow(w, next) ? w : next));
  }, []);
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => update(entries.at(-1)?.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, [update]);
  // Runs after every render on purpose (the pending focus is a ref); it sets the window only when the
  // pending cell is outside it, and the render that follows draws it: no chain of updates.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    // A cell the keyboard moved to, drawn by this render: focus it now. One not drawn yet (the
    // strip just drew every record again) is drawn first, then focused by the next render.
    const offset = pendingFocus.current;
    if (offset === null) return;
    const cell = scroller.current?.querySelector<HTMLButtonElement>(`[data-offset="${offset}"]`);
    const index = p.cells.findIndex((c) => c.offset === offset && c.gap === undefined);
    if (!cell && index !== -1) {
      setWin((w) => windowIncluding(n, w, index));
      return;
    }
    cell?.focus();
    pendingFocus.current = null;
  });
  // A gap cell pressed: draw every record, and keep the keyboard on the first one it stood for.
  const showAll = (offset: number) => {
    pendingFocus.current = offset;
    setFocusOffset(offset);
    onShowAll?.();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const moves: Record<string, (i: number) => number> = {
      ArrowLeft: (i) => i - 1,
      ArrowRight: (i) => i + 1,
      Home: () => 0,
      End: () => n - 1,
    };
    const move = moves[e.key];
    const current = p.cells.findIndex((c) => c.offset === tabOffset);
    if (!move || current === -1) return;
    // Stop Home/End and arrows reaching the page's transport shortcuts while moving between records.
    e.preventDefault();
    e.stopPropagation();
    const clamp = (i: number) => Math.min(n - 1, Math.max(0, i));
    let index = clamp(move(current));
    // A gap cell is not a record: step over it in the direction of travel, or back where that ends
    // (unless it is a button that draws every record).
    if (!onShowAll && p.cells[index]?.gap !== undefined) {
      const dir = index < current ? -1 : 1;
      index = p.cells[clamp(index + dir)]?.gap === undefined ? clamp(index + dir) : clamp(index - dir);
    }
    const next = p.cells[index];
    if (!next || (!onShowAll && next.gap !== undefined)) return;
    setFocusOffset(next.offset);
    pendingFocus.current = next.offset;
    setWin((w) => windowIncluding(n, w, index));
  };

  return (
    // Stays at the newest end by CSS (see .wbp-strip-scroll), without reading layout.
    <div className="wbp-strip-scroll" ref={scroller} onScroll={() => update()}>
      <div
        className="wbp-strip"
        style={vars({ '--cells': n, '--log-lanes': layout.logLanes, '--ptr-lanes': layout.pointerLanes })}
      >
        <div className="wbp-markers wbp-markers-log" aria-hidden="true">
          {layout.log.map((m) => (
            <Marker key={m.text} m={m} />
          ))}
        </div>
        {n === 0 ? (
          <p className="wbp-empty-strip">No records in the log yet.</p>
        ) : (
          <ol
            className="wbp-cells"
            aria-label={
              onShowAll ? `Records of ${p.id} around each committed offset, and the newest` : `Newest records of ${p.id}`
            }
            onKeyDown={onKeyDown}
          >
            {from > 0 && <li className="wbp-cell-gap" style={vars({ '--gap': from })} aria-hidden="true" />}
            {shown.map((c, i) => {
              if (c.gap !== undefined)
                return (
                  <GapCell
                    key={`gap-${c.offset}`}
                    offset={c.offset}
                    records={c.gap}
                    lastOffset={(p.cells[from + i + 1]?.offset ?? p.logEndOffset) - 1}
                    onShowAll={onShowAll && (() => showAll(c.offset))}
                    tabIndex={c.offset === tabOffset ? 0 : -1}
                    onFocus={() => setFocusOffset(c.offset)}
                  />
                );
              const above = isAboveHighWatermark(p, c.offset);
              const segment = p.segmentStarts.includes(c.offset);
              const unreadable = c.unreadableBy === undefined ? '' : `, could not be read by ${c.unreadableBy.join(', ')}`;
              return (
                <li key={c.offset}>
                  <button
                    type="button"
                    data-offset={c.offset}
                    tabIndex={c.offset === tabOffset ? 0 : -1}
                    className={`wbp-cell${from + i === 0 ? ' wbp-cell-first' : ''}${segment ? ' wbp-cell-segment' : ''}${above ? ' wbp-cell-pending' : ''}${c.offset === selectedOffset ? ' wbp-selected' : ''}${unreadable ? ' wbp-cell-unreadable' : ''}`}
                    aria-pressed={c.offset === selectedOffset}
                    aria-label={`Offset ${c.offset}, key ${c.key ?? 'none'}${segment ? ', first of a new log segment' : ''}${above ? ', not yet replicated' : ''}${unreadable}`}
                    title={`${c.key ?? 'no key'}${unreadable}`}
                    data-key={c.key ?? 'no key'}
                    onFocus={() => setFocusOffset(c.offset)}
                    onClick={() => onInspect?.(kafkaTarget.record(p.id, c.offset))}
                  >
                    <span className="wbp-cell-offset">
                      {c.offset}
                      {unreadable && <span aria-hidden="true"> ✕</span>}
                    </span>
                    <span className={`wbp-cell-key${c.key === null ? ' wbp-no-key' : ''}`}>{c.key ?? '—'}</span>
                  </button>
                </li>
              );
            })}
            {to < n && <li className="wbp-cell-gap" style={vars({ '--gap': n - to })} aria-hidden="true" />}
          </ol>
        )}
        <div className="wbp-markers wbp-markers-ptr" aria-hidden="true">
          {layout.pointers.map((m) => (
            // A jump mark is keyed by where it came from: a new reset draws (and sweeps) it afresh.
            <Marker key={m.kinds[0] === 'jumped-from' ? `jump-${m.offset}-${m.jumpTo}` : m.text} m={m} below />
          ))}
        </div>
      </div>
    </div>
  );
}

function PartitionRowView({ partition, onInspect, selected = false, selectedOffset = null }: PartitionRowProps) {
  // Off-screen strips keep their place (the last height they had) but not their cells.
  const { ref, near, setNear, awayHeight } = useNearView<HTMLLIElement>();
  // Cells that fit the row's width: when the committed offsets and the log end do not fit together,
  // the strip draws them with the middle left out (strip-fit.ts) instead of scrolling them apart.
  const { fit, probe } = useCellsThatFit(ref);
  // Pressing a gap cell draws every record again (scrolling, as before) until the learner asks for the fit back.
  const [whole, setWhole] = useState(false);
  const wouldFit = useMemo(() => fitStrip(partition, fit), [partition, fit]);
  const fittedCells = whole ? null : wouldFit;
  const showAll = useCallback(() => setWhole(true), []);
  const p = useMemo(() => (fittedCells ? { ...partition, cells: fittedCells } : partition), [partition, fittedCells]);
  const layout = stripLayout(p);
  const notes = pointerNotes(p);
  const removed = removedRecordCount(p);

  return (
    <li
      ref={ref}
      className={`wbp-partition${selected ? ' wbp-selected' : ''}`}
      style={near ? undefined : { minHeight: awayHeight }}
      // Keyboard focus arriving in a row draws its strip at once, before the next Tab.
      onFocus={() => setNear(true)}
    >
      <div className="wbp-partition-head">
        <button
          type="button"
          className="wbp-link-button"
          aria-pressed={selected}
          onClick={() => onInspect?.(kafkaTarget.partition(p.id))}
        >
          <span aria-hidden="true">☰ </span>
          {p.id}
        </button>
        <span className="wbp-partition-facts">
          leader <strong>{p.leader ?? 'none'}</strong> · ISR <strong>{p.isr.length > 0 ? p.isr.join(', ') : 'none'}</strong>
        </span>
        {layout.earlier > 0 && (
          <span className="wbp-earlier">
            … {plural(layout.earlier, 'earlier record')} (from offset {formatCount(p.logStartOffset)})
          </span>
        )}
        {whole && wouldFit && (
          <button type="button" className="wbp-link-button wbp-fit-again" onClick={() => setWhole(false)}>
            Show the committed offsets and the log end together
          </button>
        )}
        {removed > 0 && (
          <span className="wbp-earlier wbp-removed">
            compaction removed {plural(removed, 'record')}: their offsets are skipped, never reused
          </span>
        )}
      </div>
      <p className="wbp-sr">{stripSummary(p)}</p>
      <span className="wbp-cell-probe" ref={probe} aria-hidden="true" />
      {near ? (
        <Strip
          p={p}
          onShowAll={fittedCells ? showAll : undefined}
          layout={layout}
          onInspect={onInspect}
          selectedOffset={selectedOffset}
        />
      ) : (
        <div className="wbp-strip-deferred" aria-hidden="true" />
      )}
      {notes.length > 0 && (
        // Hidden from screen readers: the summary above already says all of this.
        <p className={`wbp-pointer-notes${notes.some((n) => n.offStrip) ? ' wbp-has-off-strip' : ''}`} aria-hidden="true">
          {notes.map((n) => (
            <span key={n.text} className={n.offStrip ? 'wbp-off-strip' : 'wbp-on-strip'}>
              {n.text}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** A partition strip that re-renders only when what it draws has changed. */
export const PartitionRow = memo(PartitionRowView);
