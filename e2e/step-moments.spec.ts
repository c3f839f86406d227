/**
 * Steps show their moments happening, in Chromium against the production build: L15's seed of
 * 10,000 events is seen growing (the stream's count passes through many readings, the diagram
 * stays readable while it does), and L07's retention step stops at each segment deletion instead
 * of jumping from 45 s to 85 s. Waits are for what the page shows, with generous bounds.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

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

test('L15 busy-account: the stream is seen growing to 10,000 events, readable all along', async ({ page, problems }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/lessons/L15/busy-account');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible({ timeout: 30_000 });
  let smallestPx = Infinity;
  const counts = await sampleUntilEnd(page, async () => {
    const { text, px } = await page.evaluate(() => {
      const vp = document.querySelector('.react-flow__viewport');
      const zoom = vp ? new DOMMatrix(getComputedStyle(vp).transform).a : 1;
      let px = Infinity;
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (own && el.checkVisibility()) px = Math.min(px, parseFloat(getComputedStyle(el).fontSize) * zoom);
      }
      const node = document.querySelector('.react-flow__node[data-id="stream:account-7"]');
      return { text: node?.textContent ?? '', px };
    });
    smallestPx = Math.min(smallestPx, px);
    return /([\d,]+) events?/.exec(text)?.[1]?.replace(/,/g, '') ?? 'none';
  });
  const numbers = counts.filter((c) => c !== 'none').map(Number);
  expect(numbers.at(-1)).toBe(10_000);
  // Seen climbing, not jumping: many readings between the first event and the last, in order.
  const between = numbers.filter((c) => c > 1 && c < 10_000);
  expect(between.length, `counts seen: ${numbers.join(', ')}`).toBeGreaterThanOrEqual(5);
  expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  expect(smallestPx, 'smallest node text while playing').toBeGreaterThanOrEqual(11);
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
  expect(problems).toEqual([]);
});
