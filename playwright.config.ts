/**
 * End-to-end tests in a real Chromium against the production build, served by a plain static
 * server at the root (dist/) and at a sub-path (/eda-lab/ → dist-sub/, built with BASE_PATH).
 * The browser is Debian's Chromium unless CHROMIUM_PATH says otherwise (scripts/chromium.mjs).
 */
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4180);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  // On CI, a test that fails is run once more and, if it then passes, is reported as "flaky" in
  // the list (not hidden): one timing accident on a loaded 2-core machine must not throw away a
  // whole landing. Locally nothing is retried, so a flaky test shows up where it is fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  // A loaded 2-core machine can take seconds to render a step; assertions retry for this long.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    // The service worker precaches about 3 MB on every fresh context: only the specs about it
    // (offline*.spec.ts) let it run, so the rest test the page, not a background download.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node scripts/static-server.mjs --port ${port} --mount /=dist --mount /eda-lab/=dist-sub`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
