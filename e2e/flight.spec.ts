/**
 * Records in flight and the Charts tab, in Chromium against the production build: tokens appear
 * on the topology while a run plays; with reduced motion none fly and the changed nodes are
 * outlined instead (from the OS setting and from the workbench's own switch); the Charts tab
 * draws its figures and passes axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const layer = (page: Page) => page.locator('.flight-layer');
const count = async (page: Page, attr: 'tokens' | 'highlights'): Promise<number> =>
  Number(await layer(page).getAttribute(`data-${attr}`));

async function openAndPlay(page: Page): Promise<void> {
  await page.goto('/#/playground?scenario=fan-out-three-groups');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
}

test('records fly along the edges while the run plays', async ({ page, problems }) => {
  await openAndPlay(page);
  await expect.poll(() => count(page, 'tokens'), { timeout: 10_000 }).toBeGreaterThan(0);
  // Chromium hands the canvas to a worker, which paints it off the main thread.
  await expect(layer(page)).toHaveAttribute('data-painter', 'worker');
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(problems).toEqual([]);
});

test('with the OS asking for reduced motion, nothing flies and changed nodes are outlined', async ({ page, problems }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openAndPlay(page);
  await expect.poll(() => count(page, 'highlights'), { timeout: 10_000 }).toBeGreaterThan(0);
  for (let i = 0; i < 5; i++) {
    expect(await count(page, 'tokens')).toBe(0);
    await page.waitForTimeout(100);
  }
  await expect(page.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'true');
  expect(problems).toEqual([]);
});

test('the Reduce motion switch stops the tokens and starts them again', async ({ page, problems }) => {
  await openAndPlay(page);
  await expect.poll(() => count(page, 'tokens'), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The picture the worker painted, once steady (two screenshots in a row alike).
  const topology = page.locator('.topology');
  const shot = () => topology.screenshot({ animations: 'disabled' });
  let withTokens = await shot();
  await expect
    .poll(async () => {
      const next = await shot();
      const steady = next.equals(withTokens);
      withTokens = next;
      return steady;
    })
    .toBe(true);
  const toggle = page.getByRole('button', { name: 'Reduce motion' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduced');
  await expect.poll(() => count(page, 'tokens')).toBe(0);
  // The tokens are gone from the picture, not only from the count.
  await expect.poll(async () => (await shot()).equals(withTokens)).toBe(false);
  // A step changes some nodes: they are outlined instead of records flying.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => count(page, 'highlights')).toBeGreaterThan(0);
  expect(await count(page, 'tokens')).toBe(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Paused, the records in flight at this moment are shown where they are.
  await expect.poll(() => count(page, 'tokens')).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('the Charts tab draws lag and throughput and passes axe', async ({ page, problems }) => {
  await page.goto('/#/playground?scenario=fan-out-three-groups');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  await page.getByRole('button', { name: 'End' }).click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.locator('figure')).toHaveCount(3);
  await expect(panel.getByRole('img', { name: /Lag per group/ })).toBeVisible();
  await expect(panel.getByRole('img', { name: /Throughput/ })).toBeVisible();
  await expect(panel.locator('figure').first().locator('polyline')).toHaveCount(3);
  // The latest values, for screen readers.
  await expect(panel.getByRole('table', { name: 'Lag per group: latest values' })).toContainText('billing');
  const axe = await new AxeBuilder({ page }).include('.workbench').analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(problems).toEqual([]);
});
