/**
 * Steps show their moments happening, in Chromium against the production build: L15's seed of
 * 10,000 events is seen growing (the stream's count passes through many readings, and the diagram
 * is readable where the step ends), and L07's retention step stops at each segment deletion instead
 * of jumping from 45 s to 85 s. Waits are for what the page shows, with generous bounds.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { cameraStill, smallestNodeText } from './picture.ts';

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
  expect(problems).toEqual([]);
});
