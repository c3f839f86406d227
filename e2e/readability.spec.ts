/**
 * Can the picture be read? In Chromium against the production build: on every step of every
 * written lesson (and every part when presenting), the smallest node text on screen — its computed font size times the diagram's
 * zoom — is at least 11 px at 1280×800 and at least 16 px in Present mode at 1280×720; the nodes a
 * step is about are on screen; and in a busy run the labels of records in flight cover neither node
 * text nor each other.
 */
import type { Page } from '@playwright/test';
import { lessons } from '../lessons/catalog.ts';
import { test, expect } from './fixtures.ts';

const ready = lessons.filter((l) => l.ready);

/** The smallest node text on screen, in px, and which text it is. */
async function smallestNodeText(page: Page): Promise<{ px: number; text: string; texts: number }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    let px = Infinity;
    let text = '';
    let texts = 0;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      // checkVisibility: a closed actions menu keeps its buttons laid out but never drawn.
      if (!own || !el.checkVisibility()) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
      texts++;
      if (size < px) [px, text] = [size, el.textContent ?? ''];
    }
    return { px, text, texts };
  });
}

/** The ids of the lesson's parts, from its own navigation. */
async function partLinks(page: Page, lessonId: string): Promise<string[]> {
  await page.goto(`/#/lessons/${lessonId}`);
  const nav = page.getByRole('navigation', { name: 'Lesson parts' }).getByRole('link');
  await expect(nav.first()).toBeVisible();
  return nav.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Opens a part in the page already loaded (the workbench stays, so Present mode stays on). */
async function openPart(page: Page, href: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h.replace(/^#/, '');
  }, href);
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The camera moves (a quarter of a second) once the step's nodes are measured. The framing mark
  // may be the previous part's (a part framed like the one before moves nothing), so wait until
  // the camera is still: the mark and the diagram's transform read the same three times running.
  await expect(page.locator('.react-flow[data-framed]')).toBeAttached();
  let last = '';
  let same = 0;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(
          () =>
            `${document.querySelector('.react-flow')?.getAttribute('data-framed')}|${
              document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform
            }|${document.querySelectorAll('.react-flow__node').length}`,
        );
        same = now === last ? same + 1 : 0;
        last = now;
        return same;
      },
      { timeout: 20_000, intervals: [150] },
    )
    .toBeGreaterThanOrEqual(3);
}

/** Nodes the lesson step outlines that are not inside the diagram's pane. */
async function focusedOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const out: string[] = [];
    for (const card of document.querySelectorAll('.react-flow__node .node-card.highlighted')) {
      const r = card.getBoundingClientRect();
      if (r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom)
        out.push(card.closest('.react-flow__node')?.getAttribute('data-id') ?? '?');
    }
    return out;
  });
}

for (const entry of ready) {
  test(`${entry.id}: node text is at least 11 px at 1280×800 and 16 px presenting at 1280×720`, async ({ page, problems }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const hrefs = await partLinks(page, entry.id);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      await openPart(page, href);
      // Steps (the parts with nodes in focus); the intro and recap show the whole graph.
      if (!(await page.locator('#part-title').textContent())?.startsWith('Step')) continue;
      const small = await smallestNodeText(page);
      expect(small.texts, `${href}: node text drawn`).toBeGreaterThan(0);
      expect(small.px, `${href}: smallest node text “${small.text}”`).toBeGreaterThanOrEqual(11);
      expect(await focusedOffScreen(page), `${href}: focused nodes off screen`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    for (const href of hrefs) {
      await openPart(page, href);
      const small = await smallestNodeText(page);
      // Presenting keeps every part readable, steps or not.
      expect(small.px, `${href} presenting: smallest node text “${small.text}”`).toBeGreaterThanOrEqual(16);
      // Present mode puts the diagram first: it takes most of the screen's height.
      const pane = await page.locator('.topology').boundingBox();
      expect(pane!.height, `${href} presenting: diagram height`).toBeGreaterThan(420);
    }
    expect(problems).toEqual([]);
  });
}

test('in a busy fan-out run, labels in flight cover neither node text nor each other', async ({ page, problems }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/playground?scenario=fan-out-three-groups');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  // Labels are placed against the nodes where the camera has them: let it settle first.
  await expect(page.locator('.react-flow[data-framed]')).toBeAttached();
  await page.waitForTimeout(400);
  await page.getByRole('button', { name: 'Play' }).click();
  let labelsSeen = 0;
  const problemsSeen: string[] = [];
  for (let sample = 0; sample < 40 && (labelsSeen < 30 || sample < 15); sample++) {
    await page.waitForTimeout(120);
    const found = await page.evaluate(() => {
      type Box = { x: number; y: number; w: number; h: number };
      const canvas = document.querySelector('.flight-layer') as (HTMLCanvasElement & { flightLabels?: Box[] }) | null;
      if (!canvas) return { labels: 0, bad: ['no flight layer'] };
      const c = canvas.getBoundingClientRect();
      const labels = (canvas.flightLabels ?? []).map((b) => ({ ...b, x: b.x + c.left, y: b.y + c.top }));
      const texts: Box[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!own || !el.checkVisibility()) continue;
        for (const r of el.getClientRects())
          texts.push({ x: r.left, y: r.top, w: r.width, h: r.height, t: el.textContent } as Box);
      }
      const hit = (a: Box, b: Box) =>
        a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      const bad: string[] = [];
      labels.forEach((l, i) => {
        const t = texts.find((t) => hit(l, t));
        if (t) bad.push(`label ${i} ${JSON.stringify(l)} covers node text ${JSON.stringify(t)}`);
        labels.slice(i + 1).forEach((m, j) => {
          if (hit(l, m)) bad.push(`labels ${i} and ${i + 1 + j} overlap`);
        });
      });
      return { labels: labels.length, bad };
    });
    labelsSeen += found.labels;
    problemsSeen.push(...found.bad);
  }
  // The run was busy enough to test something: many labels were drawn while it played.
  expect(labelsSeen).toBeGreaterThan(10);
  expect(problemsSeen).toEqual([]);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(problems).toEqual([]);
});
