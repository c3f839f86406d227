/**
 * Can the picture be read? In Chromium against the production build: on every part of every
 * written lesson (steps, and the intro, recap and challenge, which frame their nodes too), the
 * smallest node text on screen — its computed font size times the diagram's zoom — is at least
 * 11 px at 1280×800 and at least 16 px in Present mode at 1280×720; the nodes a part is about are
 * on screen; the key-moment band is above the fold and the diagram kept its size when it appeared;
 * and in a busy run the labels of records in flight cover neither node text nor each other. Steps
 * are checked at their end (End, then the page's "Replay step"), the same picture on every run;
 * only the text size is also checked as a step opens and plays, which the camera guarantees.
 */
import type { Page } from '@playwright/test';
import { lessons } from '../lessons/catalog.ts';
import { test, expect } from './fixtures.ts';
import { cameraStill, smallestNodeText, toStepEnd } from './picture.ts';

const ready = lessons.filter((l) => l.ready);

/** The ids of the lesson's parts, from its own navigation. */
async function partLinks(page: Page, lessonId: string): Promise<string[]> {
  await page.goto(`/#/lessons/${lessonId}`);
  const nav = page.getByRole('navigation', { name: 'Lesson parts' }).getByRole('link');
  await expect(nav.first()).toBeVisible();
  return nav.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * Opens a part in the page already loaded (the workbench stays, so Present mode stays on) and
 * returns the diagram's pane height in the part's first frames, before a band could have appeared.
 */
async function openPart(page: Page, href: string): Promise<number> {
  await page.evaluate((h) => {
    window.location.hash = h.replace(/^#/, '');
  }, href);
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The new part's own render, not the previous part's picture still on screen.
  await expect(page.locator(`a[href="${href}"][aria-current="step"]`)).toBeVisible();
  const pane = (await layout(page)).pane;
  await cameraStill(page);
  return pane;
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

/** Where the key-moment band is, if drawn, and the diagram's pane height. */
async function layout(page: Page): Promise<{ band: { top: number; bottom: number } | null; pane: number; fold: number }> {
  return page.evaluate(() => {
    const band = document.querySelector('.moment')?.getBoundingClientRect();
    return {
      band: band ? { top: band.top, bottom: band.bottom } : null,
      pane: document.querySelector('.react-flow')!.getBoundingClientRect().height,
      fold: window.innerHeight,
    };
  });
}

for (const entry of ready) {
  test(`${entry.id}: node text is at least 11 px at 1280×800 and 16 px presenting at 1280×720`, async ({ page, problems }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const hrefs = await partLinks(page, entry.id);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      // Every part shows the diagram (the intro, recap and challenge frame their nodes too).
      const opened = await openPart(page, href);
      const step = (await page.locator('#part-title').textContent())?.startsWith('Step') === true;
      // While it plays, the text stays readable: the camera never zooms below the floor, even mid-move.
      const playing = await smallestNodeText(page);
      expect(playing.px, `${href} as it opens: smallest node text “${playing.text}”`).toBeGreaterThanOrEqual(11);
      // The rest is checked at the step's end, the same picture on every run.
      if (step) {
        await toStepEnd(page);
        await cameraStill(page);
      }
      const small = await smallestNodeText(page);
      expect(small.texts, `${href}: node text drawn`).toBeGreaterThan(0);
      expect(small.px, `${href}: smallest node text “${small.text}”`).toBeGreaterThanOrEqual(11);
      expect(await focusedOffScreen(page), `${href}: focused nodes off screen`).toEqual([]);
      const ended = await layout(page);
      // The key moment is above the fold, and its room was kept from the part's first frame: the
      // diagram's pane did not change size when the band appeared.
      if (ended.band) {
        expect(ended.band.top, `${href}: band top`).toBeGreaterThanOrEqual(0);
        expect(ended.band.bottom, `${href}: band bottom vs the fold`).toBeLessThanOrEqual(ended.fold);
      }
      expect(ended.pane, `${href}: diagram pane height, opened vs ended`).toBeCloseTo(opened, 0);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    for (const href of hrefs) {
      await openPart(page, href);
      if ((await page.locator('#part-title').textContent())?.startsWith('Step') === true) {
        await toStepEnd(page);
        await cameraStill(page);
      }
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
