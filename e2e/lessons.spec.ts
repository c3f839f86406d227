/**
 * Every written lesson, as a learner takes it in Chromium: completed from the first page to the
 * recap with the keyboard alone (stepping back once on the way), the predict question answered,
 * then a deep link to step 2 showing step 2, no console errors, and no serious accessibility
 * problems. One test per lesson, so each lesson's simulation loads twice, not four times.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { lessons } from '../lessons/catalog.ts';
import { test, expect } from './fixtures.ts';
import { toStepEnd } from './picture.ts';

const ready = lessons.filter((l) => l.ready);

async function pressNext(page: Page): Promise<void> {
  const next = page.getByRole('button', { name: 'Next →' });
  await next.focus();
  await page.keyboard.press('Enter');
}

for (const entry of ready) {
  test(`${entry.id} can be completed with the keyboard alone`, async ({ page, problems }) => {
    // Each step now plays as it opens, and a loaded 2-core machine plays slowly: bound the walk
    // generously; nothing here measures speed.
    test.setTimeout(300_000);
    await page.goto(`/#/lessons/${entry.id}`);
    await expect(page.locator('main h1')).toContainText(entry.title);
    await expect(page.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
    let steppedBack = false;
    for (let guard = 0; guard < 40; guard++) {
      const heading = (await page.locator('#part-title').textContent()) ?? '';
      if (heading.startsWith('Recap')) break;
      // Predict, then observe: choose an option with the keyboard and run the step.
      const legend = page.getByText('Predict before you run it');
      if (await legend.isVisible()) {
        await page.getByRole('radio').first().focus();
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: 'Run it and see' }).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('heading', { name: /You predicted it|Not quite/ })).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('#part-title')).toBeFocused();
      }
      if (heading.startsWith('Step 2') && !steppedBack) {
        steppedBack = true;
        await page.getByRole('button', { name: '← Previous' }).focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('#part-title')).toContainText('Step 1', { timeout: 60_000 });
        continue;
      }
      await pressNext(page);
      await expect(page.locator('#part-title')).not.toHaveText(heading, { timeout: 60_000 });
      // Focus lands on the new part's heading, not the body or below it.
      await expect(page.locator('#part-title')).toBeFocused();
    }
    await expect(page.locator('#part-title')).toHaveText('Recap');
    expect(steppedBack).toBe(true);
    // A deep link to step 2 (as a fresh page load) shows step 2, and the page passes axe.
    const second = page.getByRole('navigation', { name: 'Lesson parts' }).getByRole('link').nth(2);
    const href = await second.getAttribute('href');
    await page.goto('/');
    await page.goto(`/${href}`);
    await expect(page.locator('#part-title')).toContainText('Step 2 of', { timeout: 60_000 });
    await expect(page.getByRole('navigation', { name: 'Lesson parts' }).getByRole('link').nth(2)).toHaveAttribute(
      'aria-current',
      'step',
    );
    const results = await new AxeBuilder({ page }).exclude('.react-flow__renderer').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/lesson-${entry.id}.png`, fullPage: true });
    // Progress is saved and shown in the index.
    await page.goto('/#/lessons');
    await expect(page.getByRole('listitem').filter({ hasText: entry.title })).toContainText('completed');
    expect(problems).toEqual([]);
  });
}

test('an unknown part of a lesson says so and offers a way on', async ({ page, problems }) => {
  await page.goto(`/#/lessons/${ready[0]!.id}/no-such-part`);
  await expect(page.locator('main h1')).toHaveText('Page not found');
  await expect(page.getByText(/has no part called/)).toBeVisible();
  await page.getByRole('link', { name: /from its first page/ }).click();
  await expect(page.locator('#part-title')).toHaveText('What you will learn');
  expect(problems).toEqual([]);
});

test('corrupted saved progress is recovered from, not fatal', async ({ page, problems }) => {
  await page.addInitScript(() => window.localStorage.setItem('eda-lab:progress', '{"v":1,"lessons":{"L06":{"stepIndex":"oops"'));
  await page.goto(`/#/lessons/${ready[0]!.id}`);
  await expect(page.locator('main h1')).toContainText(ready[0]!.title);
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('eda-lab:progress:backup'))).toContain('oops');
  expect(problems).toEqual([]);
});

test('on a phone the player sticks under the prose with its controls on one row and room for the picture', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/lessons/L05/round-robin');
  await expect(page.locator('#part-title')).toContainText('Step');
  const bar = page.getByRole('toolbar', { name: 'Simulation controls' });
  // The buttons keep their names (drawn as icons only), so keys, screen readers and voice control still find them.
  // (The step starts playing when it opens, so the middle button may read Pause or Replay step.)
  const names = [/^Start$/, /^Back$/, /^(Play|Pause|Replay step)$/, /^Step$/, /^End$/];
  const tops = [];
  for (const name of names) {
    const b = bar.getByRole('button', { name });
    await expect(b).toBeVisible();
    const box = (await b.boundingBox())!;
    expect(box.width, `${name} is a usable target`).toBeGreaterThanOrEqual(40);
    tops.push(Math.round(box.y));
  }
  expect(new Set(tops).size, 'the five transport buttons sit on one row').toBe(1);
  const pane = (await page.locator('.lesson-sim .topology').boundingBox())!;
  expect(pane.height, 'the picture keeps real height on the phone').toBeGreaterThanOrEqual(180);
  expect(pane.y + 40, 'the picture starts on screen').toBeLessThan(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(problems).toEqual([]);
});

test('on a phone the key-moment band shows its whole title, wrapped, not cut off with "…"', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/lessons/L02/one-order');
  await toStepEnd(page);
  const title = page.locator('.moment-title').first();
  await expect(title).toContainText('copied to each of the');
  const fit = await title.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    h: el.getBoundingClientRect().height,
    lh: parseFloat(getComputedStyle(el).lineHeight),
  }));
  expect(fit.scroll, 'the title is not wider than its box').toBeLessThanOrEqual(fit.client);
  expect(fit.h, 'the long title takes more than one line').toBeGreaterThan(fit.lh * 1.5);
  expect(problems).toEqual([]);
});
