/**
 * The key moment of the model's view (moment.ts), drawn as a band under the topology: the saga's
 * steps with the undo walking back along them, numbered; two reads of a log side by side; a
 * pointer's jump back on a strip; one record and its copies. Plain HTML, so it reads at any width,
 * in both themes, and its text stays at the page's sizes (13 px; 17 px when presenting). With
 * reduced motion nothing slides or counts up: each change is a discrete redraw, outlined.
 */
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { formatCount } from './panels/labels.ts';
import { isMotionReduced } from './flight/motion.ts';
import type { WorkbenchStore } from './store.ts';
import {
  ordinal,
  type CopiesMoment,
  type MomentView,
  type PointerMoment,
  type PointerRow,
  type RangesMoment,
  type UndoMoment,
} from './moment.ts';
import './moment.css';

const n = formatCount;
const pct = (v: number, size: number): string => `${size <= 0 ? 0 : Math.max(0, Math.min(100, (v / size) * 100))}%`;

export function MomentBand<C>({ store, room = false }: { store: WorkbenchStore<C>; room?: boolean }) {
  const moment = useStore(store, (s) => s.view.moment);
  const ref = useRef<HTMLElement>(null);
  const drawn = moment !== undefined;
  // Without kept room, the area under the diagram grows by the band's height (moment.css).
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.closest('.topology-area');
    if (!el || !(area instanceof HTMLElement) || room) return;
    const set = (): void => area.style.setProperty('--moment-h', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => {
      ro.disconnect();
      area.style.removeProperty('--moment-h');
    };
  }, [drawn, room]);
  // With kept room the band fills a slot of fixed height (moment.css), there before it draws.
  if (room) return <div className="moment-room">{moment && <MomentDrawing moment={moment} sectionRef={ref} />}</div>;
  if (!moment) return null;
  return <MomentDrawing moment={moment} sectionRef={ref} />;
}

export function MomentDrawing({ moment, sectionRef }: { moment: MomentView; sectionRef?: RefObject<HTMLElement | null> }) {
  return (
    <section
      ref={sectionRef}
      className={`moment moment-${moment.kind}${moment.live ? ' moment-live' : ''}`}
      aria-label={moment.title}
      data-moment={moment.kind}
    >
      <p className="moment-title">{moment.title}</p>
      {moment.kind === 'undo' && <Undo m={moment} />}
      {moment.kind === 'ranges' && <Ranges m={moment} key={moment.id} />}
      {moment.kind === 'pointer' && <Pointer m={moment} />}
      {moment.kind === 'copies' && <Copies m={moment} />}
    </section>
  );
}

function Undo({ m }: { m: UndoMoment }) {
  const cols = m.items.map(() => 'minmax(0, 1fr)').join(' auto ');
  return (
    <div className="undo-grid" style={{ gridTemplateColumns: cols }}>
      {m.items.map((it, i) => (
        <Fragment key={it.label}>
          {i > 0 && (
            <span className="undo-forward" aria-hidden="true" style={{ gridRow: 1, gridColumn: 2 * i }}>
              →
            </span>
          )}
          <div className={`undo-step tone-${it.tone}`} style={{ gridRow: 1, gridColumn: 2 * i + 1 }}>
            <span className="undo-label">
              {i + 1}. {it.label}
            </span>
            <span className="undo-word">{it.word}</span>
          </div>
          {it.undoOrder !== undefined && (
            <span
              className={`undo-badge tone-${it.tone}`}
              data-undo-order={it.undoOrder}
              data-step={it.label}
              style={{ gridRow: 2, gridColumn: 2 * i + 1 }}
            >
              ↩ {ordinal(it.undoOrder)} undo
            </span>
          )}
          {i > 0 && it.undoOrder !== undefined && m.items[i - 1]?.undoOrder === it.undoOrder + 1 && (
            <span className="undo-back" aria-hidden="true" style={{ gridRow: 2, gridColumn: 2 * i }}>
              ←
            </span>
          )}
        </Fragment>
      ))}
    </div>
  );
}

/** Counts from 0 up to `target` over about a second (at once with reduced motion). */
function useCountUp(target: number): number {
  const [shown, setShown] = useState(() => (isMotionReduced() ? target : 0));
  useEffect(() => {
    if (isMotionReduced() || target === 0) {
      setShown(target);
      return;
    }
    const t0 = performance.now();
    let raf = 0;
    const tick = (t: number): void => {
      const f = Math.min(1, (t - t0) / 1000);
      setShown(Math.round(target * f));
      if (f < 1) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [target]);
  return shown;
}

function RangeCount({ count, unit, verb = 'reads' }: { count: number; unit: string; verb?: string }) {
  const shown = useCountUp(count);
  return (
    <span className="range-count" data-count={count} data-shown={shown}>
      {verb} <strong>{n(shown)}</strong> {unit}
    </span>
  );
}

function Ranges({ m }: { m: RangesMoment }) {
  return (
    <div className="ranges">
      {m.ranges.map((r) => (
        <div
          key={r.label}
          className={`range-row${r.available ? '' : ' range-unavailable'}${r.gone === true ? ' range-gone' : ''}`}
          data-range={r.label}
        >
          <span className="range-label">
            {r.label}
            <span className="range-note">{r.note}</span>
          </span>
          <span className="range-track" aria-hidden="true">
            {r.available &&
              (r.cells ?? [null]).map((cell) => (
                <span
                  key={cell ?? 'span'}
                  className="range-fill"
                  data-cell={cell ?? undefined}
                  style={
                    cell === null
                      ? { left: pct(r.from, m.size), width: r.count > 0 ? pct(r.count, m.size) : '0%' }
                      : { left: pct(cell, m.size), width: pct(1, m.size) }
                  }
                />
              ))}
          </span>
          {r.available ? (
            <RangeCount count={r.count} unit={m.unit} {...(r.verb !== undefined ? { verb: r.verb } : {})} />
          ) : (
            <span className="range-count">—</span>
          )}
        </div>
      ))}
    </div>
  );
}

function PointerStrip({ row, pointer }: { row: PointerRow; pointer: string }) {
  const size = Math.max(1, row.end - row.start);
  const at = (v: number): string => pct(v - row.start, size);
  const back = row.to < row.from;
  return (
    <div className="pointer-row" data-from={row.from} data-to={row.to} data-now={row.now} data-end={row.end}>
      <span className="pointer-label">{row.label}</span>
      <span className="pointer-strip">
        <span className="pointer-log" />
        {row.now > row.to && (
          <span className="pointer-replayed" style={{ left: at(row.to), width: pct(row.now - row.to, size) }} />
        )}
        <span
          className={`pointer-jump${back ? '' : ' pointer-jump-forward'}`}
          style={{ left: at(Math.min(row.from, row.to)), width: pct(Math.abs(row.from - row.to), size) }}
        >
          <span className="pointer-jump-label">
            {n(row.from)} → {n(row.to)}
          </span>
        </span>
        <span className="pointer-mark pointer-was" style={{ left: at(row.from) }} title={`was ${n(row.from)}`} />
        <span className="pointer-mark pointer-now" style={{ left: at(row.now) }} />
        <span className="pointer-ticks">
          <span style={{ left: at(row.start) }}>{n(row.start)}</span>
          <span style={{ left: at(row.end) }}>{n(row.end)}</span>
        </span>
      </span>
      <span className="pointer-count">
        {pointer} <strong>{n(row.now)}</strong>
        <span className="pointer-note">
          {row.now > row.to ? `${n(row.now - row.to)} re-consumed` : back ? 'jumped back' : 'moved'}
        </span>
      </span>
    </div>
  );
}

function Pointer({ m }: { m: PointerMoment }) {
  return (
    <div className="pointers">
      {m.rows.map((r) => (
        <PointerStrip key={r.label} row={r} pointer={m.pointer} />
      ))}
    </div>
  );
}

function Copies({ m }: { m: CopiesMoment }) {
  return (
    <div className="copies" data-copies={m.copies.length}>
      <span className="copy-source">
        <span className="copy-item">{m.item}</span>
        <span className="copy-where">1 record · {m.where}</span>
      </span>
      <span className="copies-arrow" aria-hidden="true">
        ⇶
      </span>
      <ul className="copy-list">
        {m.copies.map((c) => (
          <li key={c.to} className={`copy tone-${c.tone}`} data-copy-to={c.to}>
            <span className="copy-item">{m.item}</span>
            <span className="copy-to">
              → {c.to} · {c.word}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
