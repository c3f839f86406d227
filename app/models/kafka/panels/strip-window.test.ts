import { describe, expect, it } from 'vitest';
import { drawnRange, initialWindow, overscanCells, windowForScroll, windowIncluding } from './strip-window.ts';

describe('strip window', () => {
  it('draws the newest cells first, all of a short strip', () => {
    expect(drawnRange(48, initialWindow)).toEqual({ from: 48 - initialWindow.count, to: 48 });
    expect(drawnRange(5, initialWindow)).toEqual({ from: 0, to: 5 });
    expect(drawnRange(0, initialWindow)).toEqual({ from: 0, to: 0 });
  });

  it('covers what a scroll position shows, with overscan on both sides', () => {
    // 68 px cells, a 430 px panel, at the newest end: 7 cells visible.
    const w = windowForScroll(0, 430, 68);
    expect(w).toEqual({ skipEnd: 0, count: 7 + 1 + 2 * overscanCells });
    // Scrolled back by 20 cells: the 20 newest are out of sight; the drawn part still covers the view.
    const back = windowForScroll(20 * 68, 430, 68);
    const { from, to } = drawnRange(48, back);
    const firstVisible = 48 - 20 - Math.ceil(430 / 68);
    expect(from).toBeLessThanOrEqual(firstVisible);
    expect(to).toBeGreaterThanOrEqual(48 - 20);
  });

  it('never draws past either end', () => {
    const { from, to } = drawnRange(10, windowForScroll(50 * 68, 430, 68));
    expect(from).toBe(0);
    expect(to).toBeGreaterThanOrEqual(0);
    expect(windowForScroll(0, 430, 0)).toBe(initialWindow);
  });

  it('moves just enough to draw a cell the keyboard goes to', () => {
    const w = { skipEnd: 0, count: 10 };
    expect(windowIncluding(48, w, 45)).toBe(w);
    const home = windowIncluding(48, w, 0);
    expect(drawnRange(48, home)).toEqual({ from: 0, to: 10 });
    const back = { skipEnd: 30, count: 10 };
    const end = windowIncluding(48, back, 47);
    expect(drawnRange(48, end).to).toBe(48);
  });
});
