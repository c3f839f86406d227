/**
 * The shell as a learner uses it: keyboard only, the theme switch (system by default, then
 * pinned and remembered), a phone-width layout, reduced motion, and an accessibility check.
 */
import AxeBuilder from '@axe-core/playwright';
import { openDeepLink, test, expect } from './fixtures.ts';

test('the theme follows the system, and the switch pins and remembers a choice', async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDeepLink(page, '/', '/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('button', { name: /Theme: system/ });
  await toggle.click(); // system → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /Theme: light/ }).click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(problems).toEqual([]);
});

test('a corrupted saved theme falls back to the system setting', async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => window.localStorage.setItem('eda-lab:theme', '{"not json'));
  await openDeepLink(page, '/', '/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(problems).toEqual([]);
});

test('everything is reachable with the keyboard alone', async ({ page, problems }) => {
  await openDeepLink(page, '/', '/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const reached: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
  }
  for (const name of ['Lessons', 'Playground', 'Practice']) expect(reached).toContain(name);
  expect(reached.some((t) => t.includes('Theme'))).toBe(true);
  // Activate Practice from the keyboard.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('Practice');
  expect(problems).toEqual([]);
});

for (const view of [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`home and lessons at ${view.name} width have no serious accessibility violations`, async ({ page, problems }) => {
    await page.setViewportSize({ width: view.width, height: view.height });
    // Colours do not change with width, so both schemes are checked at desktop width only.
    for (const scheme of view.name === 'phone' ? (['light'] as const) : (['light', 'dark'] as const)) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const route of ['/', '/lessons', '/practice']) {
        await openDeepLink(page, '/', route);
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          bad.map((v) => `${v.id}: ${v.help}`),
          `${route} in ${scheme}`,
        ).toEqual([]);
      }
    }
    // Nothing may overflow sideways at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ colorScheme: 'light' });
    await openDeepLink(page, '/', '/');
    await page.screenshot({ path: `e2e/screenshots/home-${view.name}.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
}
