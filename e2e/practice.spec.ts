/**
 * Practice, as a candidate takes it in Chromium with the keyboard alone: open X09, pick acks=1,
 * check the design, see an acknowledged record lost, "Show me" opens the workbench at the broker
 * crash that lost it, fix the design and pass; the passed state survives a reload and a corrupted
 * practice record (salvaged, backed up, never wiped).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { exerciseDefinitions } from '../lessons/exercises/catalog.ts';
import { test, expect } from './fixtures.ts';

async function activate(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await page.keyboard.press('Enter');
}

/** Changes a focused select by typing the start of an option, as a keyboard user does. */
async function choose(page: Page, select: Locator, typed: string, value: string): Promise<void> {
  await select.focus();
  await page.keyboard.type(typed);
  await expect(select).toHaveValue(value);
}

test('X09: acks=1 loses an acknowledged record, Show me opens the crash, the fixed design passes — keyboard only', async ({
  page,
  problems,
}) => {
  test.setTimeout(90_000);
  await page.goto('/#/practice');
  await expect(page.getByRole('listitem').filter({ hasText: 'X09' })).toContainText('not started');
  await activate(page, page.getByRole('link', { name: /X09/ }));
  await expect(page.locator('main h1')).toContainText('Never lose an acknowledged order');

  await choose(page, page.getByLabel('acks', { exact: true }), '1', '1');
  const check = page.getByRole('button', { name: 'Check my design' });
  await activate(page, check);
  await expect(page.getByRole('heading', { name: 'Not yet' })).toBeFocused({ timeout: 30_000 });
  const lost = page.getByRole('listitem').filter({ hasText: 'Broken: No acknowledged order is lost' });
  await expect(lost).toContainText('acknowledged with acks=1');
  await expect(lost).toContainText(/seed \d+/);

  await activate(page, page.getByRole('link', { name: 'Show me: No acknowledged order is lost' }));
  await expect(page).toHaveURL(/#\/playground\?s=v2/);
  // The run opens at the moment the record is lost: right after the leader's crash.
  const lostCounter = page.locator('.wbp-counter').filter({ hasText: 'lost' });
  await expect(lostCounter).not.toHaveText(/lost\s*0$/, { timeout: 15_000 });
  await expect(page.getByTestId('rf__node-broker:1')).toContainText('crashed');

  // Back on the exercise, the last design is restored from the practice record.
  await page.goto('/#/practice/X09');
  await expect(page.getByLabel('acks', { exact: true })).toHaveValue('1');
  await choose(page, page.getByLabel('acks', { exact: true }), 'a', 'all');
  await expect(page.getByLabel('Replication factor')).toHaveValue('3');
  await choose(page, page.getByLabel('min.insync.replicas'), '2', '2');
  const unclean = page.getByLabel('Unclean leader election');
  if (await unclean.isChecked()) {
    await unclean.focus();
    await page.keyboard.press('Space');
  }
  await expect(unclean).not.toBeChecked();
  await page.getByLabel('Explain your choice').focus();
  await page.keyboard.type('Two in-sync copies before the ack; a stale replica never leads.');
  await activate(page, check);
  await expect(page.getByRole('heading', { name: 'Passed' })).toBeFocused({ timeout: 30_000 });
  await expect(page.getByText('Held: No acknowledged order is lost')).toBeVisible();
  await expect(page.getByText(/With two brokers down, for up to \d+\.\d s/)).toBeVisible();

  // The state survives a reload, and the explanation is kept with the attempt.
  await page.goto('/#/practice');
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'X09' })).toContainText('✓ passed');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('eda-lab:practice') ?? '{}'));
  expect(saved.exercises.X09.explanation).toContain('Two in-sync copies');
  expect(problems).toEqual([]);
});

test('a corrupted practice record is salvaged and backed up, never wiped', async ({ page }) => {
  await page.goto('/#/practice');
  const damaged = JSON.stringify({ v: 1, exercises: { X09: { state: 'passed', attempts: 'many' }, X02: 42 } });
  await page.evaluate((raw) => localStorage.setItem('eda-lab:practice', raw), damaged);
  await page.reload();
  await expect(page.getByRole('status')).toContainText('could not be read');
  await expect(page.getByRole('listitem').filter({ hasText: 'X09' })).toContainText('✓ passed');
  await expect(page.getByRole('listitem').filter({ hasText: 'X02' })).toContainText('not started');
  expect(await page.evaluate(() => localStorage.getItem('eda-lab:practice:backup'))).toBe(damaged);

  await page.evaluate(() => localStorage.setItem('eda-lab:practice', '{not json'));
  await page.reload();
  await expect(page.getByRole('status')).toContainText('could not be read');
  expect(await page.evaluate(() => localStorage.getItem('eda-lab:practice'))).toBe('{not json');
});

test('a shared verdict link reproduces the graded design; a damaged one says so', async ({ page }) => {
  await page.goto('/#/practice/X02');
  await choose(page, page.getByLabel('Record key'), 'e', 'eventId');
  await activate(page, page.getByRole('button', { name: 'Check my design' }));
  await expect(page.getByRole('heading', { name: 'Not yet' })).toBeFocused({ timeout: 30_000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await activate(page, page.getByRole('button', { name: 'Share this verdict' }));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#\/practice\/X02\?d=d1/);
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await expect(page.getByLabel('Record key')).toHaveValue('eventId');
  await page.goto('/#/practice/X02?d=d1:garbage');
  await expect(page.locator('.notice')).toContainText('shared design');
  await expect(page.getByLabel('Record key')).toHaveValue('');
});

for (const x of exerciseDefinitions) {
  test(`${x.id} checks its starting design at phone width in dark mode, with no serious accessibility problem`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/#/practice/${x.id}`);
    await expect(page.locator('main h1')).toContainText(x.title);
    await activate(page, page.getByRole('button', { name: 'Check my design' }));
    await expect(page.getByRole('heading', { name: /^(Not yet|Passed)$/ })).toBeFocused({ timeout: 30_000 });
    await expect(page.getByText(/\d+ of \d+ properties held/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).exclude('.react-flow__renderer').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
    expect(problems).toEqual([]);
  });
}
