/**
 * Links that used to freeze or crash the tab (issue #12, case 1): a 125-character link of two
 * million steps, a link advancing busy-cluster to 10^12 ms, and a link as long as the app writes
 * after long play. Each opens to a clear message or a bounded result, and the page stays
 * responsive: a click is answered within 200 ms once the page is shown.
 */
import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { test, expect } from './fixtures.ts';

const link = (wire: unknown): string => `/#/playground?s=v1:${lz.compressToEncodedURIComponent(JSON.stringify(wire))}`;

/** Time from a click to the next frame after it: what a learner feels as "the page answered". */
async function clickAnswerMs(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector<HTMLElement>(sel);
        const t0 = performance.now();
        el?.click();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }),
    selector,
  );
}

/** A generous bound for a hang: the broken links froze the tab for 28 to 50 s. */
test.setTimeout(60_000);

test('a tiny link of two million steps is refused at once with a clear message', async ({ page, problems }) => {
  const url = link({
    s: 'busy-cluster',
    r: 1,
    c: [
      [1_000_000, { type: 'next-happening' }],
      [1_000_000, { type: 'next-happening' }],
    ],
    k: 2_000_000,
  });
  expect(url.length).toBeLessThan(200);
  await page.goto(url);
  await expect(page.getByRole('alert')).toContainText('more than 100,000 steps and commands', { timeout: 10_000 });
  expect(await clickAnswerMs(page, 'main a')).toBeLessThan(200);
  expect(problems).toEqual([]);
});

test('a link advancing busy-cluster to 10^12 ms opens to a bounded result', async ({ page, problems }) => {
  await page.goto(link({ s: 'busy-cluster', r: 1, c: [{ type: 'advance', untilMs: 1_000_000_000_000 }], k: 1 }));
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible({ timeout: 30_000 });
  // The advance stopped at the per-command task budget, and the trace says so.
  await page.getByRole('tab', { name: 'Trace' }).click();
  await expect(page.getByText(/tasksPerCommandMax/).first()).toBeVisible();
  expect(await clickAnswerMs(page, '[role="tab"]')).toBeLessThan(200);
  expect(problems).toEqual([]);
});

test('a link as long as the app writes after long play opens and stays responsive', async ({ page, problems }) => {
  await page.goto(link({ s: 'busy-cluster', r: 1, c: [[100_000, { type: 'next-happening' }]], k: 100_000 }));
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeVisible();
  expect(await clickAnswerMs(page, '[role="tab"]')).toBeLessThan(200);
  expect(problems).toEqual([]);
});
