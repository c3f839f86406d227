/**
 * A page fixture that fails a test on any console error, uncaught exception, failed request,
 * HTTP error response, request to an origin other than the page's own — the app is a static
 * site that sends nothing anywhere — or Content-Security-Policy violation (even one the page
 * caught and swallowed, such as a library probing for eval).
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface PageProblems {
  problems: string[];
}

export const test = base.extend<PageProblems>({
  problems: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const ownOrigin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    page.on('requestfailed', (req) => {
      // A navigation cancels the previous page's requests (ERR_ABORTED); a missing file shows up
      // as an HTTP error response instead, which is checked below.
      if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== ownOrigin) problems.push(`request to another origin: ${req.url()}`);
    });
    await use(problems);
    expect(problems, 'the page had console errors, failed requests or foreign requests').toEqual([]);
  },
});

export { expect };

/** Opens a hash route under a base path as a fresh deep link (a URL pasted into a new tab). */
export async function openDeepLink(page: Page, base: string, route: string): Promise<void> {
  await page.goto(`${base}#${route}`);
  await page.locator('main h1').first().waitFor();
}
