/**
 * Reading the lesson picture as a learner sees it, shared by readability.spec.ts and
 * step-moments.spec.ts: the smallest node text on screen, waiting until the camera is still, and
 * waiting for a step to reach its end — the one moment of a playing step that is the same on every
 * run, so a check made there cannot depend on how far a loaded machine has played.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The smallest node text on screen, in px (font size × the diagram's zoom), and which text it is. */
export async function smallestNodeText(page: Page): Promise<{ px: number; text: string; texts: number }> {
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

/**
 * Waits until the camera is still: a framing has finished (the pane's mark), and the framing mark,
 * the diagram's transform and the node count then read the same for 12 frames running (the mark
 * may be an earlier part's: a part framed like the one before moves nothing). Counted in the page,
 * in animation frames, so a loaded machine that draws slowly waits as many frames, not fewer: a
 * change the page has already made (End's new state) reaches the camera within a few frames, and
 * a move, once started, changes the transform every frame until it ends.
 */
export async function cameraStill(page: Page): Promise<void> {
  await expect(page.locator('.react-flow[data-framed]')).toBeAttached();
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve, reject) => {
        const read = (): string =>
          `${document.querySelector('.react-flow')?.getAttribute('data-framed')}|${
            document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform
          }|${document.querySelectorAll('.react-flow__node').length}`;
        let last = read();
        let same = 0;
        const giveUp = setTimeout(() => reject(new Error(`the camera kept moving: ${read()}`)), 20_000);
        const tick = (): void => {
          const now = read();
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= frames) {
            clearTimeout(giveUp);
            resolve();
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    12,
  );
}

/**
 * Takes an opened lesson step to its end and waits until the page says so. A step plays as it
 * opens: once it has started (the play button reads "Pause", or already "Replay step"), End takes
 * it to this step's end (not the lesson's), and the play button's "Replay step" — shown only at a
 * step's end — says it is there. A step held by its prediction stays where it opened.
 */
export async function toStepEnd(page: Page): Promise<void> {
  if (await page.locator('#lock-reason').isVisible()) return;
  const play = page.locator('.transport-play');
  await expect(play).toContainText(/Pause|Replay step/, { timeout: 30_000 });
  const end = page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: 'End', exact: true });
  // The step may reach its end on its own between the check and the click: then End is disabled
  // and there is nothing to click, which the wait below confirms.
  if (await end.isEnabled()) await end.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(play).toContainText('Replay step', { timeout: 60_000 });
}
