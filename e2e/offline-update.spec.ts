/**
 * A new deploy: the learner is offered "Reload for the new version" rather than being left on
 * stale code or having it swapped under them, and their saved progress survives the update. The
 * test serves a copy of the build on its own port and "deploys" by changing the copy's worker.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { copyBuild, deployPort, serve } from './classroom-servers.ts';

// This spec is about the service worker: let it run (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('a new version is offered, not forced, and progress survives it', async ({ browser }) => {
  test.setTimeout(90_000);
  const build = copyBuild('dist');
  const server = await serve(build.dir, deployPort);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Take a lesson to step 2: the player saves progress.
    await page.goto(`${server.url}#/lessons/L06/slow-consumer`);
    await expect(page.locator('#part-title')).toContainText('Step 2 of');
    await page.evaluate(async () => navigator.serviceWorker.ready);
    const progress = await page.evaluate(() => localStorage.getItem('eda-lab:progress'));
    expect(progress).toContain('slow-consumer');
    await page.reload();
    await expect(page.locator('#part-title')).toContainText('Step 2 of');
    await expect(page.getByRole('button', { name: 'Reload for the new version' })).toHaveCount(0);

    // Deploy: the worker file changes (a real deploy changes its precache list).
    appendFileSync(join(build.dir, 'sw.js'), '\n// deployed again\n');
    await page.evaluate(() => ((window as unknown as { stillTheOldPage: boolean }).stillTheOldPage = true));
    await page.reload();
    const offer = page.getByRole('button', { name: 'Reload for the new version' });
    await expect(offer).toBeVisible({ timeout: 20_000 });
    // Nothing reloaded by itself: the page the learner is on is still running.
    await page.evaluate(() => ((window as unknown as { stillTheOldPage: boolean }).stillTheOldPage = true));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { stillTheOldPage?: boolean }).stillTheOldPage)).toBe(true);

    // The learner chooses: the new worker takes over and the page reloads once.
    await Promise.all([page.waitForEvent('load'), offer.click()]);
    expect(await page.evaluate(() => (window as unknown as { stillTheOldPage?: boolean }).stillTheOldPage ?? false)).toBe(false);
    await expect(page.locator('#part-title')).toContainText('Step 2 of');
    await expect(page.getByRole('button', { name: 'Reload for the new version' })).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('eda-lab:progress'))).toBe(progress);
    // The new worker is the one in charge, and nothing is waiting any more.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
    build.dispose();
  }
});
