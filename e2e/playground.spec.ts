/**
 * The playground as a learner uses it, in Chromium against the production build: watch, pause,
 * step back, break something, share the exact moment, keyboard only, phone width, reduced
 * motion, bad links, hostile names, and an accessibility check on every view.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { stripCellsMax } from '../app/models/kafka/kafka-view.ts';
import { test, expect } from './fixtures.ts';

const clock = (page: Page) => page.getByLabel('Virtual time');
const scrubber = (page: Page) => page.getByRole('slider', { name: 'Position in the timeline' });

async function openPlayground(page: Page, query = ''): Promise<void> {
  await page.goto(`/#/playground${query}`);
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
}

async function stepTimes(page: Page, n: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < n; i++) await step.click();
}

test('play, pause, step back and forward', async ({ page, problems }) => {
  await openPlayground(page);
  await expect(clock(page)).toHaveText('0 ms');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForTimeout(600);
  await page.getByRole('button', { name: 'Pause' }).click();
  const after = Number(await scrubber(page).inputValue());
  expect(after).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(scrubber(page)).toHaveValue(String(after - 1));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(scrubber(page)).toHaveValue(String(after));
  expect(problems).toEqual([]);
});

test('crashing a consumer triggers a rebalance the learner can see', async ({ page, problems }) => {
  await openPlayground(page, '?scenario=fan-out-three-groups');
  await page.getByRole('button', { name: 'End' }).click();
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('billing-c1');
  const node = page.locator('.node-card', { has: page.locator('summary[aria-label="Actions for billing-c1"]') });
  await node.locator('summary').click();
  await node.getByRole('button', { name: 'Crash consumer' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('crashed');
  // Run on until the session times out and the group rebalances without c1.
  await page.getByRole('button', { name: 'End' }).click();
  await page.getByRole('tab', { name: 'Trace' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/billing-c1.*session|session.*billing-c1/i);
  expect(problems).toEqual([]);
});

test('a link can be cut from a node, and a consumer group added from a topic', async ({ page, problems }) => {
  await openPlayground(page, '?scenario=fan-out-three-groups');
  const menu = async (name: string) => {
    const node = page.locator('.node-card', { has: page.locator(`summary[aria-label="Actions for ${name}"]`) });
    await node.locator('summary').click();
    return node;
  };
  const consumer = await menu('billing-c1');
  await consumer.getByRole('button', { name: 'Cut link to broker 2' }).click();
  await expect(consumer).toContainText('cut off from broker 2');
  const topic = await menu('orders');
  await topic.getByRole('button', { name: 'Add a consumer group' }).click();
  await expect(page.locator('.react-flow__node[data-id="group:group-4"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="consumer:group-4-c1"]')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a link opened in a new page shows the same moment', async ({ page, context, problems }) => {
  await openPlayground(page);
  await stepTimes(page, 25);
  await page.getByRole('button', { name: 'Back' }).click();
  const time = await clock(page).textContent();
  const position = await scrubber(page).inputValue();
  // The address bar gets the link a moment after the last change: wait for the one at this cursor.
  const momentInUrl = (): string | null => {
    const text = new URL(page.url().replace('#/playground', '')).searchParams.get('s');
    if (!text?.startsWith('v2:')) return null;
    const wire = JSON.parse(lz.decompressFromEncodedURIComponent(text.slice(3)) ?? 'null') as {
      m?: string;
      k?: number;
      c?: unknown[];
    } | null;
    if (wire?.m !== 'kafka') return null;
    const count = (wire?.c ?? []).reduce<number>((n, c) => n + (Array.isArray(c) ? (c[0] as number) : 1), 0);
    return `${wire?.k} of ${count}`;
  };
  await expect.poll(momentInUrl).toBe(`${position} of ${Number(position) + 1}`);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(clock(other)).toHaveText(time ?? '');
  await expect(scrubber(other)).toHaveValue(position);
  await expect(other.getByRole('slider', { name: 'Position in the timeline' })).toHaveAttribute(
    'max',
    String(Number(position) + 1),
  );
  expect(problems).toEqual([]);
});

test('works with the keyboard alone, clicker keys included', async ({ page, problems }) => {
  await openPlayground(page);
  await page.locator('main h1').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('.');
  await expect(scrubber(page)).toHaveValue('3');
  await page.keyboard.press('PageUp');
  await expect(scrubber(page)).toHaveValue('2');
  await page.keyboard.press('+');
  await expect(page.getByText('Speed 2×')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('Home');
  await expect(scrubber(page)).toHaveValue('0');
  // Tabs move with arrow keys, and the transport does not steal them.
  await page.getByRole('tab', { name: 'Partitions' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Groups' })).toBeFocused();
  await expect(scrubber(page)).toHaveValue('0');
  expect(problems).toEqual([]);
});

test('a damaged link and a link from a newer version explain themselves', async ({ page, problems }) => {
  await page.goto('/#/playground?s=v1:this-is-not-a-link');
  await expect(page.getByRole('heading', { name: 'This simulation link cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('damaged or incomplete');
  await page.getByRole('link', { name: 'Open the playground fresh' }).click();
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  await page.goto('/#/playground?s=v7:N4Ig');
  await expect(page.getByRole('alert')).toContainText('newer version');
  await page.goto('/#/playground?scenario=no-such-scenario');
  await expect(page.getByRole('alert')).toContainText('no-such-scenario');
  expect(problems).toEqual([]);
});

test('a hostile record key is shown as text, never run', async ({ page, problems }) => {
  await openPlayground(page);
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.getByLabel('Key', { exact: true }).fill(hostile);
  await page.getByRole('button', { name: 'Produce' }).click();
  await stepTimes(page, 3);
  await page.getByRole('tab', { name: 'Trace' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(hostile);
  await page.getByRole('tab', { name: 'Sequence' }).click();
  await expect(page.locator('.mermaid-diagram svg')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img[src="x"]').count()).toBe(0);
  expect(problems).toEqual([]);
});

for (const view of [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`every view at ${view.name} width passes axe with reduced motion on`, async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: view.width, height: view.height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPlayground(page);
    await stepTimes(page, 30);
    // Every view at desktop width; at phone width the views whose layout changes.
    const tabs =
      view.name === 'phone' ? ['Topology', 'Partitions', 'Groups'] : ['Partitions', 'Groups', 'Trace', 'Sequence', 'Inspector'];
    for (const name of tabs) {
      await page.getByRole('tab', { name }).click();
      if (name === 'Topology') {
        // The graph must have room to draw in, not just exist (it once collapsed to zero height).
        const height = await page.locator('.react-flow').evaluate((el) => el.getBoundingClientRect().height);
        expect(height).toBeGreaterThan(300);
        await page.locator('.topology').scrollIntoViewIfNeeded();
        await expect(page.locator('.react-flow__node').first()).toBeInViewport();
      }
      if (name === 'Sequence') await expect(page.locator('.mermaid-diagram svg')).toBeVisible();
      const results = await new AxeBuilder({ page }).exclude('.react-flow__renderer').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`),
        `${name} tab`,
      ).toEqual([]);
      await page.screenshot({ path: `e2e/screenshots/playground-${view.name}-${name.toLowerCase()}.png` });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
}

test('a long partition strip draws what fits, and scrolling back or the keyboard reveals older records', async ({
  page,
  problems,
}) => {
  await openPlayground(page, '?scenario=busy-cluster');
  await page.getByRole('button', { name: 'Play' }).click();
  const cells = page.getByRole('list', { name: 'Newest records of orders-0' }).getByRole('button');
  // Play until the strip's window holds more records than the panel can show at once.
  await expect
    .poll(async () => page.locator('.wbp-partition').first().locator('.wbp-earlier').count(), { timeout: 20_000 })
    .toBe(1);
  await page.getByRole('button', { name: 'Pause' }).click();
  const offsetOf = async (name: string | null) => Number(/^Offset (\d+)/.exec(name ?? '')?.[1]);
  const drawn = await cells.count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(30);
  const newest = await offsetOf(await cells.last().getAttribute('aria-label'));
  // The keyboard reaches the oldest record of the window, which was not drawn before.
  await cells.last().focus();
  await page.keyboard.press('Home');
  const oldest = await offsetOf(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null));
  expect(oldest).toBe(newest - stripCellsMax + 1);
  await page.keyboard.press('End');
  expect(await offsetOf(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null))).toBe(newest);
  // Scrolling the strip back draws the older records as they come into view.
  await page
    .locator('.wbp-strip-scroll')
    .first()
    .evaluate((el) => (el.scrollLeft = -el.scrollWidth));
  await expect(cells.first()).toHaveAttribute('aria-label', new RegExp(`^Offset ${oldest},`));
  expect(problems).toEqual([]);
});
