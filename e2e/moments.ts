/**
 * The key moment of a lesson step, drawn in the band under the topology (app/workbench/MomentBand.tsx):
 * sampled while the step plays and checked at its end against what the page's other views of the
 * same simulation show — the saga's step row, the counters, the partition's own offsets, the groups
 * drawn in the topology. Shared by lesson-play.spec.ts, which already plays one step per lesson.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export interface MomentFrame {
  kind: string | null;
  /** Undo badges drawn (saga). */
  undos: number;
  /** The pointer's position now (replay), when drawn. */
  now: number | null;
}

export async function sampleMoment(page: Page): Promise<MomentFrame> {
  return page.evaluate(() => {
    const m = document.querySelector<HTMLElement>('.moment');
    const row = document.querySelector<HTMLElement>('.pointer-row');
    return {
      kind: m?.dataset.moment ?? null,
      undos: document.querySelectorAll('.undo-badge').length,
      now: row ? Number(row.dataset.now) : null,
    };
  });
}

/** The smallest text in the band, in px (it is not zoomed with the diagram). */
async function smallestBandText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let px = Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.moment *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (own && el.checkVisibility()) px = Math.min(px, parseFloat(getComputedStyle(el).fontSize));
    }
    return px;
  });
}

const num = async (page: Page, selector: string, attr: string): Promise<number> =>
  Number(await page.locator(selector).first().getAttribute(attr));

/** Lessons whose played step (lesson-play.spec.ts) is about a moment the band draws. */
const drawnIn = new Set(['L02', 'L07', 'L15', 'L20']);

export async function expectMomentDrawn(page: Page, lessonId: string, stepId: string, frames: MomentFrame[]): Promise<void> {
  if (!drawnIn.has(lessonId)) return;
  const band = page.locator('.moment');
  await expect(band, `${lessonId} ${stepId}: the key moment is drawn`).toBeVisible();
  expect(await smallestBandText(page), 'band text px').toBeGreaterThanOrEqual(11);
  // Whatever the moment, it was on screen while the step played, not only at its end.
  expect(frames.filter((f) => f.kind !== null).length, 'frames with the moment drawn').toBeGreaterThan(1);

  if (lessonId === 'L20') {
    await expect(band).toHaveAttribute('data-moment', 'undo');
    // Every compensated step carries its number, and the numbers run right to left.
    const steps = band.locator('.undo-step');
    const compensated = await steps.filter({ hasText: 'compensated' }).count();
    expect(compensated).toBeGreaterThan(0);
    const badges = band.locator('.undo-badge');
    await expect(badges).toHaveCount(compensated);
    const drawn = await badges.evaluateAll((bs) =>
      bs.map((b) => ({ order: Number((b as HTMLElement).dataset.undoOrder), x: b.getBoundingClientRect().x })),
    );
    drawn.sort((a, b) => a.order - b.order);
    expect(drawn.map((d) => d.order)).toEqual(drawn.map((_, i) => i + 1));
    for (let i = 1; i < drawn.length; i++)
      expect(drawn[i]!.x, 'each next undo is left of the one before').toBeLessThan(drawn[i - 1]!.x);
    await expect(badges.filter({ hasText: '1st undo' })).toBeVisible();
    // Played, the undos appeared one after another: the count never went down.
    const counts = frames.map((f) => f.undos);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
  }

  if (lessonId === 'L07') {
    await expect(band).toHaveAttribute('data-moment', 'pointer');
    const row = '.pointer-row';
    const [from, to, now, end] = await Promise.all(
      ['data-from', 'data-to', 'data-now', 'data-end'].map((a) => num(page, row, a)),
    );
    // Reset to earliest: from where the group had read to (the log end: it had caught up) back to 0.
    expect(to, 'jumped back').toBeLessThan(from);
    expect(from).toBe(end);
    await expect(band.locator('.pointer-jump-label')).toHaveText(`${from} → ${to}`);
    // The records flowed again: the pointer was seen behind, and ends back at the log end.
    expect(now).toBe(end);
    expect(
      frames.some((f) => f.now !== null && f.now < end),
      'the pointer seen walking forward again',
    ).toBe(true);
    await expect(band.locator('.pointer-count')).toContainText(`${end - to} re-consumed`);
  }

  if (lessonId === 'L15') {
    await expect(band).toHaveAttribute('data-moment', 'ranges');
    const start = band.locator('[data-range="from the start"] .range-count').first();
    // Drawn with the same number the counters show for the last load.
    const replayed = page.locator('.wbp-counter', { hasText: 'replayed by the last load' }).locator('dd');
    const count = await start.getAttribute('data-count');
    await expect(replayed).toHaveText(Number(count).toLocaleString('en-US'));
    await expect(start).toHaveAttribute('data-shown', count!);
    await expect(band.locator('[data-range="from a snapshot"]')).toBeVisible();
  }

  if (lessonId === 'L02') {
    await expect(band).toHaveAttribute('data-moment', 'copies');
    const groups = await page.locator('.react-flow__node[aria-label^="group "]').count();
    expect(groups).toBeGreaterThan(1);
    await expect(band.locator('.copies')).toHaveAttribute('data-copies', String(groups));
    // Every copy carries the one record's label.
    const item = (await band.locator('.copy-source .copy-item').textContent()) ?? '';
    expect(item).not.toBe('');
    await expect(band.locator('.copy .copy-item')).toHaveText(Array.from({ length: groups }, () => item));
  }
}
