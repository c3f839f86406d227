/**
 * How many strip cells fit a partition row's width, kept up to date as the panel is resized or the
 * text zoomed. The cell width is read from a zero-height probe sized like a cell (.wbp-cell-probe),
 * so it follows --wbp-cell-w in whatever unit the stylesheet gives it.
 *
 * Measured once when the row mounts (before the first paint, so a strip that needs a gap never
 * flashes without one), then only from ResizeObserver reports: nothing reads layout while the strip
 * merely updates. Without a layout (jsdom) the answer is 0: draw every cell, as before.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { cellsThatFit } from './strip-fit.ts';

export function useCellsThatFit(row: RefObject<HTMLElement | null>) {
  const probe = useRef<HTMLSpanElement>(null);
  const [fit, setFit] = useState(0);
  const measure = useCallback(
    (rowPx?: number) => {
      const el = row.current;
      const cell = probe.current;
      if (!el || !cell) return;
      setFit(cellsThatFit(rowPx ?? el.clientWidth, cell.getBoundingClientRect().width));
    },
    [row],
  );
  useLayoutEffect(() => {
    measure();
    const el = row.current;
    const cell = probe.current;
    if (!el || !cell || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const own = entries.findLast((e) => e.target === el);
      measure(own?.contentRect.width);
    });
    ro.observe(el);
    ro.observe(cell);
    return () => ro.disconnect();
  }, [measure, row]);
  return { fit, probe };
}
