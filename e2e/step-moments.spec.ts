/**
 * Steps show their moments happening, in Chromium against the production build: L15's seed of
 * 10,000 events is seen growing (the stream's count passes through many readings, and the diagram
 * is readable where the step ends), and L07's retention step stops at each segment deletion instead
 * of jumping from 45 s to 85 s, and L06's lag step ends with the committed pointer and the log end
 * on the partition strip together. Waits are for what the page shows, with generous bounds.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { cameraStill, smallestNodeText, toStepEnd } from './picture.ts';

const playButton = (page: Page) => page.locator('.transport-play');

/** Samples `read` every 100 ms until the step has played to its end; distinct readings in order. */
async function sampleUntilEnd(page: Page, read: () => Promise<string>): Promise<string[]> {
  const seen: string[] = [];
  await expect
    .poll(
      async () => {
        const r = await read();
        if (seen.at(-1) !== r) seen.push(r);
        return (await playButton(page).textContent()) ?? '';
      },
      { timeout: 120_000, intervals: [100] },
    )
    .toContain('Replay step');
  return seen;
}

test('L15 busy-account: the stream is seen growing to 10,000 events, readable where it ends', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/lessons/L15/busy-account');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible({ timeout: 30_000 });
  const counts = await sampleUntilEnd(page, async () => {
    const text = await page.evaluate(
      () => document.querySelector('.react-flow__node[data-id="stream:account-7"]')?.textContent ?? '',
    );
    return /([\d,]+) events?/.exec(text)?.[1]?.replace(/,/g, '') ?? 'none';
  });
  const numbers = counts.filter((c) => c !== 'none').map(Number);
  expect(numbers.at(-1)).toBe(10_000);
  // Seen climbing, not jumping: many readings between the first event and the last, in order.
  const between = numbers.filter((c) => c > 1 && c < 10_000);
  expect(between.length, `counts seen: ${numbers.join(', ')}`).toBeGreaterThanOrEqual(5);
  expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  // Readable where the step ends — the same picture on every run, unlike a reading taken at
  // whatever point a loaded machine has played to (readability.spec.ts checks the step as it opens).
  await cameraStill(page);
  const small = await smallestNodeText(page);
  expect(small.px, `smallest node text at the step's end: “${small.text}”`).toBeGreaterThanOrEqual(11);
  expect(problems).toEqual([]);
});

test('L07 retention: the step stops at the segment deletions on its way from 45 s to 85 s', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await page.goto('/#/lessons/L07/retention');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible({ timeout: 30_000 });
  const said = await sampleUntilEnd(page, async () => (await page.locator('.narration-area').textContent()) ?? '');
  const deletions = new Set(said.filter((t) => /Retention deleted/.test(t)).map((t) => /· (\d+) s:/.exec(t)?.[1]));
  // Three segments go at 70, 75 and 80 s; sampling every 100 ms on a loaded machine sees most.
  expect([...deletions].length, `narration seen: ${said.join(' / ')}`).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.transport-clock')).toHaveText('1 min 25 s');
  // The band under the diagram draws what went and what stayed, on one scale of offsets.
  const band = page.locator('.moment[data-moment="ranges"]');
  await expect(band).toContainText('Retention: orders-0 deleted offsets 0–29; its log now starts at 30');
  await expect(band.locator('[data-range="deleted by retention"] .range-count')).toHaveAttribute('data-count', '30');
  await expect(band.locator('[data-range="still in the log"] .range-count')).toHaveAttribute('data-count', '4');
  expect(problems).toEqual([]);
});

test('L06 lag climbs: the committed pointer, the gap it lags by and the log end are all on the strip, unscrolled', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/lessons/L06/slow-consumer');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible({ timeout: 30_000 });
  await toStepEnd(page);
  const tab = page.getByRole('tab', { name: 'Partitions' });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const row = page.locator('.wbp-partition').first();
  await row.scrollIntoViewIfNeeded();
  const scroller = row.locator('.wbp-strip-scroll');
  const committed = row.locator('.wbp-markers-ptr .wbp-marker-committed');
  const logEnd = row.locator('.wbp-markers-log .wbp-marker-log-end');
  await expect(committed).toHaveCount(1);
  await expect(logEnd).toHaveCount(1);
  // The records between them are left out as one gap cell that counts them, read out in words.
  const gap = row.locator('.wbp-cell-gap-records');
  await expect(gap).toHaveCount(1);
  await expect(gap).toContainText(/… \d+\s*records/);
  await expect(gap.locator('.wbp-sr')).toHaveText(/^\d+ records not drawn here \(offsets \d+ to \d+\): show every record$/);
  const [box, ptr, leo] = await Promise.all([scroller, committed, logEnd].map((l) => l.boundingBox()));
  for (const [name, b] of [
    ['committed pointer', ptr],
    ['log end', leo],
  ] as const) {
    expect(b, name).not.toBeNull();
    expect(b!.x, `${name} left edge inside the strip`).toBeGreaterThanOrEqual(box!.x - 1);
    expect(b!.x + b!.width, `${name} right edge inside the strip`).toBeLessThanOrEqual(box!.x + box!.width + 1);
  }
  // Nothing to scroll to see them: the strip is no wider than its box.
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  // The numbers add up: the pointer's offset, the records the gap stands for, the log end.
  const committedAt = Number(await committed.getAttribute('data-offset'));
  const leoAt = Number(await logEnd.getAttribute('data-offset'));
  const drawnAfter = await row
    .locator('.wbp-cells button[data-key]')
    .evaluateAll((bs, from) => bs.filter((b) => Number((b as HTMLElement).dataset.offset) >= from).length, committedAt);
  expect(drawnAfter + Number(await gap.getAttribute('data-gap'))).toBe(leoAt - committedAt);
  // The records left out stay within reach: pressing the gap draws every record (the strip scrolls
  // again), with the keyboard on the first record it stood for; a button brings the fit back.
  const firstHidden = await gap.getAttribute('data-offset');
  await gap.focus();
  await page.keyboard.press('Enter');
  await expect(row.locator('.wbp-cell-gap-records')).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveAttribute('data-offset', firstHidden!);
  await row.getByRole('button', { name: 'Show the committed offsets and the log end together' }).click();
  await expect(row.locator('.wbp-cell-gap-records')).toHaveCount(1);
  expect(problems).toEqual([]);
});
