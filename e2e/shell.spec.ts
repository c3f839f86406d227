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
    // Five or eight page loads and axe runs: a loaded 2-core machine needs more than the default 30 s.
    test.setTimeout(120_000);
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

test('the skip link focuses the page content without changing the route, and its address is a deep link', async ({
  page,
  problems,
}) => {
  await openDeepLink(page, '/', '/lessons');
  const url = page.url();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  // Copied or opened in a new tab, the link is this page, not a route called "main".
  expect(await skip.getAttribute('href')).toBe('#/lessons');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  expect(page.url()).toBe(url);
  await expect(page.locator('main h1')).not.toHaveText('Page not found');
  expect(problems).toEqual([]);
});

test('an old skip-link address (#main) pasted as a link opens the home page focused on its content', async ({
  page,
  problems,
}) => {
  await page.goto('/#main');
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('main h1').first()).not.toHaveText('Page not found');
  await expect(page.locator('main#main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/');
  expect(problems).toEqual([]);
});

test('the page runs under its Content-Security-Policy, with no violation', async ({ page, problems }) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  await openDeepLink(page, '/', '/lessons');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).not.toContain("'unsafe-eval'");
  // Visit the pages with the most moving parts: the workbench, the flight layer and its worker.
  await openDeepLink(page, '/', '/playground');
  await page.waitForTimeout(500);
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
});
