/**
 * Which cells of a partition strip are in the page. A strip holds the view's window of newest
 * records (up to about fifty), but only the few that fit the panel's width can be seen at once;
 * the others are left out and their room kept by spacers, so the strip keeps its full width, its
 * markers stay where they belong and scrolling back reveals the older records as it goes.
 *
 * Counted from the newest end, because that is where the strip is anchored (see panels.css).
 * Pure: the component feeds it the scroll position and widths it already has.
 */
export interface StripWindow {
  /** Cells left out at the newest end (the learner scrolled back past them). */
  skipEnd: number;
  /** Cells drawn, ending `skipEnd` cells before the newest. */
  count: number;
}

/** Cells drawn beyond each edge of the visible part, so a short scroll never shows a gap. */
export const overscanCells = 3;
/** Cells drawn before the strip's width is known (enough for a wide panel). */
export const initialWindow: StripWindow = { skipEnd: 0, count: 18 };

/** Index range [from, to) of the drawn cells among `n`. */
export function drawnRange(n: number, w: StripWindow): { from: number; to: number } {
  const to = Math.max(0, n - Math.min(w.skipEnd, n));
  return { from: Math.max(0, to - w.count), to };
}

/**
 * The window for a scroll position. `fromEndPx` is how far the learner scrolled back from the
 * newest end (the negated scrollLeft of the reversed scroller), `viewportPx` the scroller's width.
 */
export function windowForScroll(fromEndPx: number, viewportPx: number, cellPx: number): StripWindow {
  if (!(cellPx > 0)) return initialWindow;
  const hidden = Math.floor(Math.max(0, fromEndPx) / cellPx);
  return {
    skipEnd: Math.max(0, hidden - overscanCells),
    count: Math.ceil(Math.max(0, viewportPx) / cellPx) + 1 + 2 * overscanCells,
  };
}

/** The window moved just enough to draw cell `index` of `n` (for the keyboard). */
export function windowIncluding(n: number, w: StripWindow, index: number): StripWindow {
  const { from, to } = drawnRange(n, w);
  if (index >= from && index < to) return w;
  if (index >= to) return { ...w, skipEnd: Math.max(0, n - index - 1) };
  return { ...w, skipEnd: Math.max(0, n - index - w.count) };
}

export const sameWindow = (a: StripWindow, b: StripWindow): boolean => a.skipEnd === b.skipEnd && a.count === b.count;
