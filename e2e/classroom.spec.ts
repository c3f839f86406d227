/**
 * Classroom tools in Chromium against the production build: the presenter window follows the
 * projector through a lesson's parts and back, driven by keys in either window; the projector
 * shows the simulation and the prose without the site's chrome.
 */
import { test, expect } from './fixtures.ts';

test('the presenter window follows the projector, and either window drives both', async ({ page, context, problems }) => {
  test.setTimeout(60_000);
  await page.goto('/#/lessons/L06/keeping-up');
  await expect(page.locator('#part-title')).toContainText('Step 1 of');
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Presenter view' }).click(),
  ]);
  const presenterErrors: string[] = [];
  presenter.on('pageerror', (e) => presenterErrors.push(e.message));
  presenter.on('console', (m) => m.type() === 'error' && presenterErrors.push(m.text()));

  const current = presenter.getByTestId('presenter-current');
  await expect(current).toContainText('Step 1 of');
  await expect(presenter.getByTestId('presenter-next')).toContainText('Next:');
  // The notes of this step, in their three parts.
  await expect(presenter.getByText('Point at', { exact: true })).toBeVisible();
  await expect(presenter.getByText('Ask the room', { exact: true })).toBeVisible();
  await expect(presenter.getByText('Misconception', { exact: true })).toBeVisible();
  // The projector has dropped the site's chrome and the lesson's navigation.
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Lesson parts' })).toBeHidden();
  await expect(page.locator('#part-title')).toBeVisible();

  // A clicker in the projector window: PageDown is the next part, in both windows.
  await page.locator('#part-title').click();
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/lessons\/L06\/slow-consumer$/);
  await expect(current).toContainText('Step 2 of');
  // The clicker in the presenter window moves the projector on, and back.
  await presenter.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/lessons\/L06\/still-climbing$/);
  await expect(page.locator('#part-title')).toContainText('Step 3 of');
  await expect(current).toContainText('Step 3 of');
  await presenter.keyboard.press('PageUp');
  await presenter.keyboard.press('PageUp');
  await expect(page).toHaveURL(/#\/lessons\/L06\/keeping-up$/);
  await expect(current).toContainText('Step 1 of');

  // Known since the merge of the step player (issue #21 stays open for it): a step key in the
  // presenter can move the projector's cursor by two at a step's end. Checked again once fixed.
  // The cursor: steps taken in the presenter show in the projector's simulation, and back. A step
  // is one trace entry in both windows (a slider position can hold none, such as the step's
  // closing advance of the clock), and one key press is one step.
  const cursor = presenter.getByTestId('presenter-cursor');
  const presenterSlider = presenter.getByRole('slider');
  const projectorSlider = page.locator('.transport input[type=range]').first();
  const sameSliders = async (): Promise<void> => {
    await expect(projectorSlider).toHaveValue(await presenterSlider.inputValue());
  };
  // A step plays as it opens; End (in the presenter) goes to the step's end and stops there.
  await presenter.keyboard.press('End');
  await expect(page.locator('.transport-play').first()).toHaveAttribute('aria-pressed', 'false');
  await expect(presenter.getByRole('button', { name: 'Replay step', exact: true })).toBeVisible();
  await expect(presenter.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  const at = Number(await cursor.textContent());
  expect(at).toBeGreaterThan(2);
  await sameSliders();
  // At the step's end the transport stops (it is bounded to the step), so go back first.
  await presenter.keyboard.press('ArrowLeft');
  await expect(cursor).toHaveText(String(at - 1));
  await sameSliders();
  await presenter.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(cursor).toHaveText(String(at - 2));
  await sameSliders();
  await presenter.keyboard.press('ArrowRight');
  await expect(cursor).toHaveText(String(at - 1));
  await sameSliders();
  // The step's end is as far as Step goes, in both windows.
  await presenter.keyboard.press('ArrowRight');
  await expect(cursor).toHaveText(String(at));
  await presenter.keyboard.press('ArrowRight');
  await expect(presenter.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  await expect(cursor).toHaveText(String(at));
  await sameSliders();
  await presenter.keyboard.press('ArrowLeft');
  await expect(cursor).toHaveText(String(at - 1));
  // Home: the step's start in both windows; from there the step takes a while to play.
  await presenter.keyboard.press('Home');
  await expect(cursor).toHaveText('0');
  await sameSliders();
  // Play and pause from the presenter: the projector plays.
  await presenter.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(presenter.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await presenter.keyboard.press('Space');
  await expect(presenter.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // Ending the session closes the presenter window and gives the projector its page back.
  await page.getByRole('button', { name: 'End presenter view' }).click();
  await expect.poll(() => presenter.isClosed()).toBe(true);
  await expect(page.locator('.site-header')).toBeVisible();
  expect(presenterErrors).toEqual([]);
  expect(problems).toEqual([]);
});

test('the playground can be presented too: the presenter steps the simulation', async ({ page, context }) => {
  await page.goto('/#/playground');
  await expect(page.locator('main h1')).toContainText('Playground');
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Presenter view' }).click(),
  ]);
  await expect(presenter.getByTestId('presenter-current')).toContainText('Kafka');
  const cursor = presenter.getByTestId('presenter-cursor');
  const at = Number(await cursor.textContent());
  const slider = presenter.getByRole('slider');
  const from = Number(await slider.inputValue());
  await presenter.keyboard.press('PageDown');
  await expect(cursor).toHaveText(String(at + 1));
  await expect(slider).toHaveValue(String(from + 1));
  // The projector hides its own transport bar; its slider still holds the cursor.
  await expect(page.locator('.transport input[type=range]').first()).toHaveValue(String(from + 1));
  await presenter.close();
  // The presenter window closing ends the session.
  await expect(page.getByRole('button', { name: 'Presenter view' })).toBeVisible();
});
