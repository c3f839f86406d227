/**
 * The key moment of a lesson step, drawn in the band under the topology (app/workbench/MomentBand.tsx):
 * sampled while the step plays and checked at its end against what the page's other views of the
 * same simulation show — the saga's step row, the counters, the partition's own offsets, the groups
 * drawn in the topology — and in the picture itself: the copies of one record in flight to each
 * group (L02), the committed pointer's jump back on the partition strip (L07). Shared by
 * lesson-play.spec.ts, which already plays one step per lesson.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export interface MomentFrame {
  kind: string | null;
  /** Undo badges drawn (saga). */
  undos: number;
  /** The pointer's position now (replay), when drawn. */
  now: number | null;
  /** Fan-out in the picture: the record label flying from one node to the most groups at once. */
  copies: { label: string; groups: number } | null;
  /** The partition strip: the first committed marker's offset, and a pointer's old spot after a reset. */
  committed: number | null;
  jumpedFrom: number | null;
  jumpText: string | null;
}

export async function sampleMoment(page: Page): Promise<MomentFrame> {
  return page.evaluate(() => {
    const m = document.querySelector<HTMLElement>('.moment');
    const row = document.querySelector<HTMLElement>('.pointer-row');
    // The records-in-flight layer says, per frame, which records fly to which nodes (FlightLayer.tsx).
    const layer = document.querySelector('.flight-layer') as
      (HTMLCanvasElement & { flightCopies?: Array<{ label: string; via: string[] }> }) | null;
    let copies: { label: string; groups: number } | null = null;
    for (const c of layer?.flightCopies ?? []) {
      const groups = c.via.filter((id) => id.startsWith('group:')).length;
      if (!copies || groups > copies.groups) copies = { label: c.label, groups };
    }
    const committed = document.querySelector<HTMLElement>('.wbp-markers-ptr .wbp-marker-committed');
    const jump = document.querySelector<HTMLElement>('.wbp-markers-ptr .wbp-marker-jumped-from');
    return {
      kind: m?.dataset.moment ?? null,
      undos: document.querySelectorAll('.undo-badge').length,
      now: row ? Number(row.dataset.now) : null,
      copies,
      committed: committed ? Number(committed.dataset.offset) : null,
      jumpedFrom: jump ? Number(jump.dataset.offset) : null,
      jumpText: jump?.textContent ?? null,
    };
  });
}

/**
 * Before a step plays: shows what its moment is drawn on when that is not on screen by default
 * (L07's partition strip is in the Partitions tab, and a strip draws its cells only near the view).
 */
export async function showMomentViews(page: Page, lessonId: string): Promise<void> {
  if (lessonId !== 'L07') return;
  const tab = page.getByRole('tab', { name: 'Partitions' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const strip = page.locator('.wbp-partition').first();
  await strip.scrollIntoViewIfNeeded();
  await expect(strip.locator('.wbp-markers-ptr')).toBeVisible();
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
    // On the strip itself: the committed marker was seen back at the reset offset with the old spot
    // marked, and it is back at the log end now, the mark gone once the group is past it again.
    const jumped = frames.filter((f) => f.jumpedFrom !== null);
    const said = `strip frames: ${frames.map((f) => `${f.committed}/${f.jumpedFrom}`).join(' ')}`;
    expect(
      jumped.some((f) => f.jumpedFrom === from && f.committed === to),
      said,
    ).toBe(true);
    expect(jumped.find((f) => f.committed === to)?.jumpText).toContain(`jumped back from ${from} to ${to}`);
    const strip = page.locator('.wbp-partition').first();
    await expect(strip.locator('.wbp-marker-committed')).toHaveAttribute('data-offset', String(end));
    await expect(strip.locator('.wbp-marker-jumped-from')).toHaveCount(0);
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
    // In the picture too: the same record label was seen flying from the topic to 2 or more groups at once.
    const most = frames.reduce((n, f) => Math.max(n, f.copies?.groups ?? 0), 0);
    const seen = [...new Set(frames.map((f) => f.copies && `${f.copies.label}→${f.copies.groups}`).filter(Boolean))];
    expect(most, `copies seen in flight: ${seen.join(', ')}`).toBeGreaterThanOrEqual(2);
  }
}
