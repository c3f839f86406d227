// Runs the Playwright end-to-end tests against the production build. It checks for a browser
// first and says how to get one (instead of a stack trace), builds a second copy of the app with
// a sub-path base (BASE_PATH=/eda-lab/, as on GitHub Pages), then runs `playwright test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumHelp, findChromium } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(chromiumHelp);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('No dist/index.html: run "npm run build" first (npm test does this for you).');
  process.exit(1);
}
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', 'dist-sub'], { BASE_PATH: '/eda-lab/' });
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
