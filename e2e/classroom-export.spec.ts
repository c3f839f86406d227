/**
 * Every export makes a non-empty, valid file, in the light and the dark theme: the topology as PNG
 * (the PNG signature) and SVG, the sequence diagram as SVG (both parse with DOMParser without a
 * parsererror) and as mermaid source, the trace as JSON Lines (every line parses), and a lesson
 * step as a Markdown handout carrying its picture.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

async function exportFile(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.getByRole('button', { name: /^Export/ });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  // A saved file closes the menu a moment later: wait for that, so the next export never takes a
  // menu about to close for an open one (on a loaded CI machine its click then waited for a button
  // that had gone, until the test timed out).
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function svgParses(page: Page, text: string): Promise<{ root: string; errors: number }> {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length };
  }, text);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every export of a lesson step is a valid file (${theme} theme)`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/#/lessons/L02/more-orders');
    await expect(page.locator('#part-title')).toContainText('Step 2 of');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

    const png = await exportFile(page, 'Topology as PNG');
    expect(png.name).toBe('l02-more-orders-topology.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(2000);

    const topoSvg = await exportFile(page, 'Topology as SVG');
    expect(await svgParses(page, topoSvg.bytes.toString('utf8'))).toEqual({ root: 'svg', errors: 0 });
    expect(topoSvg.bytes.toString('utf8')).toContain('shop');

    const seqSvg = await exportFile(page, 'Sequence diagram as SVG');
    const seqText = seqSvg.bytes.toString('utf8');
    expect(await svgParses(page, seqText)).toEqual({ root: 'svg', errors: 0 });
    // It carries the theme's page colour, so dark-theme text stays readable on any slide.
    expect(seqText).toContain(theme === 'dark' ? 'fill="#0f1720"' : 'fill="#f7f8fa"');

    const mmd = (await exportFile(page, 'Sequence diagram as mermaid source')).bytes.toString('utf8');
    expect(mmd.startsWith('sequenceDiagram\n')).toBe(true);
    expect(mmd).toMatch(/->>/);

    const jsonl = (await exportFile(page, 'Trace as JSON Lines')).bytes.toString('utf8');
    const lines = jsonl.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: expect.any(Number), type: expect.any(String) });

    const md = (await exportFile(page, 'Handout (Markdown with the picture)')).bytes.toString('utf8');
    expect(md).toContain('# L02 · Pub/sub fan-out');
    expect(md).toContain('Step 2 of');
    expect(md).toMatch(/!\[The topology[^\]]*\]\(data:image\/png;base64,[A-Za-z0-9+/=]{100,}\)/);
    expect(md).toContain('```mermaid\nsequenceDiagram');
    expect(problems).toEqual([]);
  });
}

test('the playground exports its topology and trace; a handout is a lesson thing', async ({ page }) => {
  await page.goto('/#/playground');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: /^Export/ }).click();
  await expect(page.getByRole('button', { name: /Handout/ })).toHaveCount(0);
  const png = await exportFile(page, 'Topology as PNG');
  expect(png.name).toMatch(/^playground-kafka.*-topology\.png$/);
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // Nothing sent yet: the diagram export says so instead of making an empty file.
  await page.getByRole('button', { name: /^Export/ }).click();
  await page.getByRole('button', { name: 'Sequence diagram as SVG' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing has been sent yet');

  // A run to its end: the file holds the whole trace (thousands of entries), not the newest 400
  // the trace panel keeps, and the menu says how many before the file is made.
  const menu = page.getByRole('button', { name: /^Export/ });
  // The open menu lies over the transport bar: close it first.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: /^End/ }).click();
  await expect(page.getByRole('slider', { name: 'Position in the timeline' })).not.toHaveValue('0');
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const item = page.getByRole('button', { name: /^Trace as JSON Lines \([\d,]+ entries\)$/ });
  const count = Number(/\(([\d,]+) entries\)/.exec((await item.textContent()) ?? '')![1]!.replace(/,/g, ''));
  expect(count).toBeGreaterThan(1000);
  const jsonl = (await exportFile(page, 'Trace as JSON Lines')).bytes.toString('utf8');
  const ids = jsonl
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: number }).id);
  expect(ids).toEqual([...Array(count).keys()]);
  // A file over a megabyte says how big it is (this run's is about 1.2 MB).
  if (Buffer.byteLength(jsonl) >= 1024 * 1024)
    await expect(page.getByRole('status').filter({ hasText: 'Saved the whole trace' })).toContainText(/MB/);
});
