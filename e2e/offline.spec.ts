/**
 * Offline after one visit, at the root and at the sub-path build (BASE_PATH=/eda-lab/): open the
 * site, wait for the service worker to finish precaching, cut the network, reload, and still
 * complete a lesson step, run the playground and open practice.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// This spec is about the service worker: let it run (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has installed (precached everything) and is active. */
async function waitForOfflineReady(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.scriptURL ?? '';
  });
}

for (const base of ['/', '/eda-lab/']) {
  test(`works offline after one visit (${base})`, async ({ page, context, problems }) => {
    test.setTimeout(90_000);
    await page.goto(base);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await waitForOfflineReady(page)).toMatch(new RegExp(`${base.replace(/\//g, '\\/')}sw\\.js$`));

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('main h1')).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A lesson step: its simulation and its checked claims come from the precache.
    await page.goto(`${base}#/lessons/L02`);
    await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.locator('#part-title')).toContainText('Step 1 of');
    // The step's own script, not an empty timeline ("entry 0 of 0"): the transport is bounded to it.
    await expect(page.getByRole('slider', { name: 'Position in this step' })).toHaveAttribute(
      'aria-valuetext',
      /^command \d+ of [1-9]/,
    );
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.locator('.claims li').first()).toContainText('✓');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.locator('#part-title')).toContainText('Step 2 of');

    // A playground run: play it to the end of its scenario.
    await page.goto(`${base}#/playground`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    const slider = page.getByRole('slider', { name: 'Position in the timeline' });
    await page.getByRole('button', { name: /^End/ }).click();
    await expect(slider).not.toHaveValue('0');
    await expect(page.locator('.wbp-caption-text')).not.toBeEmpty();
    // The Sequence tab's mermaid chunks were precached too.
    await page.getByRole('tab', { name: 'Sequence' }).click();
    await expect(page.locator('.mermaid-diagram svg')).toBeVisible();

    // Practice.
    await page.goto(`${base}#/practice`);
    await expect(page.locator('main h1')).toBeVisible();
    await context.setOffline(false);
    expect(problems).toEqual([]);
  });
}
