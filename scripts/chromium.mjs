// Finds a Chromium for the end-to-end tests and benchmarks: CHROMIUM_PATH if set, else Debian's
// /usr/bin/chromium, else a browser Playwright downloaded on a developer's own machine.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findChromium() {
  const candidates = [];
  if (process.env.CHROMIUM_PATH) candidates.push(process.env.CHROMIUM_PATH);
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome');
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core missing or no downloaded browser: fall through to the message below.
  }
  return candidates.find((p) => p && existsSync(p));
}

export const chromiumHelp = [
  'No Chromium found for the end-to-end tests.',
  '  On Debian/Ubuntu:  sudo apt-get install -y chromium   (installs /usr/bin/chromium)',
  '  Or point to one:   CHROMIUM_PATH=/path/to/chrome npm test',
  '  Or let Playwright fetch its own (where its download host is reachable):  npx playwright install chromium',
].join('\n');
