/**
 * The embed player inside a page of another origin: the Embed dialog's snippet, pasted into a tiny
 * HTML page served from a second port, plays the lesson step; and every request the frame makes
 * goes to the app's own origin (the host page is the only thing the second origin serves).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { hostPort, serve, tempDir } from './classroom-servers.ts';

test.describe.configure({ mode: 'serial' });

for (const where of ['lesson', 'playground'] as const) {
  test(`an embedded ${where} moment plays inside another origin's page and asks nothing of anyone else`, async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const appOrigin = new URL(baseURL!).origin;
    await page.goto(where === 'lesson' ? '/#/lessons/L02/more-orders' : '/#/playground');
    if (where === 'playground') await page.getByRole('button', { name: 'Step', exact: false }).first().click();
    await page.getByRole('button', { name: 'Embed' }).click();
    const snippet = await page.getByRole('dialog').locator('textarea').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#\/embed\//);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    const host = tempDir('eda-host-');
    writeFileSync(
      join(host.dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A teacher's blog</title><link rel="icon" href="data:,"></head><body><h1>My notes</h1>${snippet}</body></html>`,
    );
    const server = await serve(host.dir, hostPort);
    try {
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      const blog = await context.newPage();
      const errors: string[] = [];
      blog.on('pageerror', (e) => errors.push(e.message));
      blog.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await blog.goto(server.url);
      const frame = blog.frameLocator('iframe');
      await expect(frame.locator('.embed-title')).toContainText(where === 'lesson' ? 'L02' : 'Kafka');
      await expect(frame.locator('.react-flow__node').first()).toBeVisible();
      // The legend speaks Kafka's words, as the full page does: records and batches, not messages.
      await expect(frame.locator('.flight-legend')).toContainText('a record');
      await expect(frame.locator('.flight-legend')).not.toContainText('a message');
      // Its own transport works: back one entry, the moment shown (the position on its slider and
      // the narration) changes; step, it is back. Back from a step's end may leave the caption as
      // it is: the last entry is still the one that just happened.
      const position = frame.getByRole('slider').first();
      const caption = frame.locator('.wbp-caption');
      const moment = async () => `${await position.inputValue()} | ${await caption.textContent()}`;
      const before = await moment();
      await frame.getByRole('button', { name: 'Back' }).click();
      await expect.poll(moment).not.toBe(before);
      await frame.getByRole('button', { name: 'Step' }).click();
      await expect.poll(moment).toBe(before);
      // No site chrome in the frame.
      await expect(frame.locator('.site-header')).toHaveCount(0);
      // The host served its page; everything else came from the app's origin.
      const foreign = requests
        .filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'))
        .filter((u) => new URL(u).origin !== appOrigin && u !== server.url);
      expect(foreign).toEqual([]);
      expect(requests.some((u) => new URL(u).origin === appOrigin && u.includes('/assets/'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await server.stop();
      host.dispose();
    }
  });
}

test('a bad embed address explains itself inside the frame', async ({ page }) => {
  await page.goto('/#/embed/lessons/L99/nothing');
  await expect(page.getByRole('alert')).toContainText('There is no lesson called “L99”');
  await page.goto('/#/embed/playground?s=v2:garbage');
  await expect(page.getByRole('alert')).toContainText('cannot be opened');
});
