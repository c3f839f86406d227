/**
 * End on a long run (issue #12: a cooperative rebalance storm run to its end was one main-thread
 * task of 1.8–7.2 s). End now runs in a Worker: the transport shows progress and a Cancel button,
 * and the tab answers clicks meanwhile. The one timing check is the one the issue asks for — a
 * click on a tab, made while the progress is shown, is handled within 200 ms of the input — and
 * it counts the best of three clicks, so one scheduling hiccup on a loaded machine is not a
 * failure while a page blocked by End (every click seconds late) still is.
 */
import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { test, expect } from './fixtures.ts';

/** A cooperative-sticky group of 24 consumers whose members crash and come back every few seconds. */
function storm() {
  const schedule = [];
  for (let i = 0; i < 80; i++) {
    const consumer = `storm-c${((i * 7) % 24) + 1}`;
    schedule.push({ atMs: 2000 + i * 1500, command: { type: 'crash-consumer', consumer } });
    schedule.push({ atMs: 2700 + i * 1500, command: { type: 'restart-consumer', consumer } });
  }
  return {
    version: 1,
    name: 'Cooperative rebalance storm',
    seed: 3,
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 48, replicationFactor: 3 }],
    producers: [{ id: 'shop', topic: 'orders', ratePerSec: 400, count: 60000, keys: { type: 'uniform', keys: 2000 } }],
    groups: [
      {
        id: 'storm',
        topics: ['orders'],
        consumers: 24,
        assignor: 'cooperative-sticky',
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 3000,
        heartbeatIntervalMs: 1000,
      },
    ],
    schedule,
    durationMs: 150000,
  };
}

const url = `/#/playground?s=v2:${lz.compressToEncodedURIComponent(JSON.stringify({ m: 'kafka', s: storm(), r: 3, c: [], k: 0 }))}`;

/** Input to handled, in ms, of real clicks on tabs; only clicks made while End's progress showed. */
async function tabClicksDuringEnd(page: Page, clicks: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __clicks: Array<{ ms: number; ending: boolean }> };
    w.__clicks = [];
    let ending = false;
    // Capture on the document runs before React's handler; the window listener after it.
    document.addEventListener('click', () => (ending = document.querySelector('.transport-ending') !== null), true);
    window.addEventListener('click', (e) => w.__clicks.push({ ms: performance.now() - e.timeStamp, ending }));
  });
  const names = ['Trace', 'Groups'];
  for (let i = 0; i < clicks; i++) {
    const tab = page.getByRole('tab', { name: names[i % 2], exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
  const seen = await page.evaluate(() => (window as unknown as { __clicks: Array<{ ms: number; ending: boolean }> }).__clicks);
  return seen.filter((c) => c.ending).map((c) => c.ms);
}

// Generous hang bounds: End of this run takes seconds on a quiet machine, much longer on a loaded one.
test.setTimeout(240_000);

test('End on a long run shows progress, answers clicks meanwhile, cancels, and then reaches the end', async ({
  page,
  problems,
}) => {
  await page.goto(url);
  const end = page.getByRole('button', { name: 'End', exact: true });
  await expect(end).toBeEnabled({ timeout: 30_000 });
  const position = page.getByRole('slider', { name: 'Position in the timeline' });
  const clock = page.locator('.transport-clock');
  const startClock = await clock.textContent();

  await end.click();
  const progress = page.getByRole('status').filter({ hasText: 'Running to the end in the background' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Run to the end progress' })).toBeVisible();
  const answered = await tabClicksDuringEnd(page, 3);
  expect(answered.length, 'clicks made while End ran').toBeGreaterThan(0);
  expect(Math.min(...answered), `clicks answered in ${answered.map((ms) => ms.toFixed(0)).join(', ')} ms`).toBeLessThan(200);

  // Cancel leaves the run where it was.
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(clock).toHaveText(startClock!);
  await expect(position).toHaveAttribute('aria-valuetext', /^entry 0 of 0, at /);

  // End again, left to finish: the run is at its end, two and a half virtual minutes in.
  await end.click();
  await expect(progress).toBeVisible();
  await expect(clock).toHaveText('2 min 30 s', { timeout: 180_000 });
  await expect(progress).toBeHidden();
  await expect(position).toHaveAttribute('aria-valuetext', /^entry 1 of 1, at 2 min 30 s/);
  expect(problems).toEqual([]);
});
