// `npm run bench:ui`: the workbench's performance in a real Chromium against the production
// build. Builds dist/ if missing, serves it with scripts/static-server.mjs on a free loopback
// port, drives Chromium with Playwright and prints `bench <name> <value> <unit>` lines:
//   ui.fps_median        frames per second while >= 300 records are in flight (busy-cluster, 28 nodes);
//                        also the 10th percentile, the mean, and how many records and tokens flew
//   ui.seek_update_ms    scrubbing to random points of a 100,000-command run, to the next painted frame
//   ui.interactive_ms    navigation to an interactive workbench (the Play button enabled)
//   ui.initial_js_gzip_kb  the JavaScript the first page needs (scripts/bundle-size.mjs)
//   ui.soak_*            busy-cluster played at 100× for BENCH_SOAK_MS (default 10 minutes): heap
//                        after a forced GC at the start and the end, the highest heap sampled, the
//                        10th-percentile frame rate and the longest task (issue #12's soak)
//   ui.long_task_*       long tasks (> 50 ms, the longest and how many over 200 ms) in normal use, per
//                        phase: opening busy-cluster, a cooperative rebalance storm run to its end,
//                        scrubbing a 100,000-command run, and opening its Trace tab (issue #12)
// Run one part only with its name: `npm run bench:ui -- soak` (soak runs only when asked for or
// when BENCH_SOAK_MS is set, so the usual run stays short).
// Benchmarks measure; they never fail: a broken measurement prints a `# … failed` line instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import lzString from 'lz-string';
import { measureInitialJs } from './bundle-size.mjs';
import { chromiumHelp, findChromium } from './chromium.mjs';

const fpsScenario = 'busy-cluster';
const seekCommands = 100_000;
const seekSamples = 25;
const interactiveRuns = 5;
const fpsWarmupMs = 2000;
const fpsMeasureMs = 5000;
const soakMs = Number(process.env.BENCH_SOAK_MS ?? 10 * 60_000);
const soakSampleMs = 10_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const print = (name, value, unit) => console.log(`bench ${name} ${Number.isFinite(value) ? +value.toFixed(1) : value} ${unit}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`static server did not answer at ${url}`);
}

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    console.log(`# ${name} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** Time from navigation start to the Play button being enabled, recorded in the page. */
const interactiveProbe = () => {
  const check = () => {
    const b = document.querySelector('.transport-play');
    if (b && !b.disabled && window.__interactiveAt === undefined) window.__interactiveAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
};

async function benchInteractive(browser, base) {
  const times = [];
  for (let i = 0; i < interactiveRuns; i++) {
    // A fresh context each time: nothing cached, as a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(interactiveProbe);
    await page.goto(`${base}/#/playground`);
    await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 15_000 });
    times.push(await page.evaluate(() => window.__interactiveAt));
    await context.close();
  }
  print('ui.interactive_ms', median(times), 'ms');
  console.log(`# interactive runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
}

/**
 * Frame rate while playing busy-cluster. `doublings` presses "+" that many times first: at 4× the
 * run keeps over a thousand records in flight (the heavy case, printed as ui.fps_heavy_*).
 */
async function benchFps(browser, base, doublings = 0, prefix = 'ui.fps') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/#/playground?scenario=${fpsScenario}`);
  await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 15_000 });
  const nodes = await page.locator('.react-flow__node').count();
  await page.locator('main h1').click();
  for (let i = 0; i < doublings; i++) await page.keyboard.press('+');
  await page.locator('.transport-play').click();
  await page.waitForTimeout(fpsWarmupMs);
  const r = await page.evaluate(async (measureMs) => {
    const canvas = document.querySelector('.flight-layer');
    const deltas = [];
    const tokens = [];
    const records = [];
    const clock = () => document.querySelector('.transport-clock')?.textContent ?? '';
    const startClock = clock();
    await new Promise((resolve) => {
      let last;
      const t0 = performance.now();
      const loop = (t) => {
        if (last !== undefined) deltas.push(t - last);
        last = t;
        tokens.push(Number(canvas?.dataset.tokens ?? 0));
        records.push(Number(canvas?.dataset.records ?? 0));
        if (t - t0 < measureMs) requestAnimationFrame(loop);
        else resolve();
      };
      requestAnimationFrame(loop);
    });
    return { deltas, tokens, records, startClock, endClock: clock() };
  }, fpsMeasureMs);
  await context.close();
  const frameMs = median(r.deltas);
  print(`${prefix}_median`, 1000 / frameMs, 'fps');
  print(`${prefix}_p10`, 1000 / quantile(r.deltas, 0.9), 'fps');
  print(`${prefix}_mean`, (1000 * r.deltas.length) / r.deltas.reduce((a, b) => a + b, 0), 'fps');
  const tag = prefix === 'ui.fps' ? 'ui' : prefix;
  print(`${tag}.records_in_flight_median`, median(r.records), 'records');
  print(`${tag}.records_in_flight_min`, Math.min(...r.records), 'records');
  print(`${tag}.tokens_in_flight_median`, median(r.tokens), 'tokens');
  print(`${tag}.tokens_in_flight_min`, Math.min(...r.tokens), 'tokens');
  print(`${tag}.topology_nodes`, nodes, 'nodes');
  console.log(`# fps: ${r.deltas.length} frames; virtual clock ${r.startClock} → ${r.endClock} over ${fpsMeasureMs} ms`);
}

async function benchSeek(browser, base) {
  // A v2 link (it names its model), run-length encoded as the playground writes it.
  const wire = {
    m: 'kafka',
    s: fpsScenario,
    r: 5,
    c: [[seekCommands, { type: 'next-entry' }]],
    k: seekCommands,
  };
  const link = `v2:${lzString.compressToEncodedURIComponent(JSON.stringify(wire))}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${base}/#/playground?s=${link}`);
  await page.locator('.transport-play').waitFor({ timeout: 180_000 });
  console.log(`# seek: a ${seekCommands}-command run loaded in ${Date.now() - t0} ms`);
  const r = await page.evaluate(
    async ({ samples, length }) => {
      const slider = document.querySelector('.transport-scrub input');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      // The next painted frame: a rAF callback runs before paint; a task queued from it runs after.
      const painted = () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve();
            ch.port2.postMessage(null);
          }),
        );
      // A fixed-seed generator, so every run scrubs to the same points.
      let x = 12345;
      const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const scrub = [];
      for (let i = 0; i < samples; i++) {
        const k = Math.floor(rand() * length);
        await painted();
        const t = performance.now();
        setValue.call(slider, String(k));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await painted();
        scrub.push(performance.now() - t);
      }
      const back = [];
      const button = [...document.querySelectorAll('.transport button')].find((b) => b.textContent?.includes('Back'));
      for (let i = 0; i < samples; i++) {
        await painted();
        const t = performance.now();
        button.click();
        await painted();
        back.push(performance.now() - t);
      }
      return { scrub, back, cursor: Number(slider.value), max: Number(slider.max) };
    },
    { samples: seekSamples, length: seekCommands },
  );
  await context.close();
  print('ui.seek_update_ms', median(r.scrub), 'ms');
  print('ui.seek_update_p95_ms', quantile(r.scrub, 0.95), 'ms');
  print('ui.step_back_update_ms', median(r.back), 'ms');
  console.log(`# seek: timeline of ${r.max} commands; ${r.scrub.length} scrubs, ${r.back.length} step-backs`);
}

/** JS heap in use after a forced garbage collection, in MB (Chromium's own count, via CDP). */
async function heapAfterGcMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1e6;
}

async function benchSoak(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}/#/playground?scenario=${fpsScenario}`);
  await page.locator('.transport-play:not([disabled])').waitFor({ timeout: 15_000 });
  // Speed 100×: the slider's top (log10 scale).
  await page.locator('.transport-speed input').fill('2');
  const heapStart = await heapAfterGcMb(cdp);
  await page.evaluate(() => {
    window.__frames = [];
    let last;
    const loop = (t) => {
      if (last !== undefined) window.__frames.push(t - last);
      last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.locator('.transport-play').click();
  let heapMax = heapStart;
  let restarts = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < soakMs) {
    await page.waitForTimeout(Math.min(soakSampleMs, soakMs - (Date.now() - t0)));
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    heapMax = Math.max(heapMax, usedSize / 1e6);
    const clock = await page.locator('.transport-clock').textContent();
    // busy-cluster ends at 2 virtual minutes: go back to the start and play it again, so the whole
    // soak keeps the page working (a replay of the same commands, as a class does on repeat).
    if ((await page.locator('.transport-play').getAttribute('aria-pressed')) === 'false') {
      await page.getByRole('button', { name: 'Start' }).click();
      await page.locator('.transport-play').click();
      restarts++;
    }
    console.log(
      `# soak ${Math.round((Date.now() - t0) / 1000)} s: heap ${(usedSize / 1e6).toFixed(0)} MB, virtual clock ${clock}`,
    );
  }
  const r = await page.evaluate(() => ({
    frames: window.__frames,
    longTasks: window.__longTasks,
    clock: document.querySelector('.transport-clock')?.textContent ?? '',
  }));
  const heapEnd = await heapAfterGcMb(cdp);
  await context.close();
  print('ui.soak_seconds', soakMs / 1000, 's');
  print('ui.soak_heap_start_mb', heapStart, 'MB');
  print('ui.soak_heap_end_mb', heapEnd, 'MB');
  print('ui.soak_heap_max_mb', heapMax, 'MB');
  print('ui.soak_fps_p10', 1000 / quantile(r.frames, 0.9), 'fps');
  print('ui.soak_fps_median', 1000 / median(r.frames), 'fps');
  print('ui.soak_long_task_max_ms', r.longTasks.length === 0 ? 0 : Math.max(...r.longTasks), 'ms');
  print('ui.soak_long_tasks_over_200ms', r.longTasks.filter((d) => d > 200).length, 'tasks');
  console.log(`# soak: ${r.frames.length} frames; played from the start ${restarts + 1} times; clock at the end ${r.clock}`);
}

/** Long tasks the page has seen since the last call, as {start, ms}; set up by an init script. */
const longTaskProbe = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function takeLongTasks(page) {
  return page.evaluate(() => window.__longTasks.splice(0));
}

function printLongTasks(phase, tasks) {
  const ms = tasks.map((t) => t.ms);
  print(`ui.long_task_${phase}_max_ms`, ms.length === 0 ? 0 : Math.max(...ms), 'ms');
  print(`ui.long_task_${phase}_over_200ms`, ms.filter((d) => d > 200).length, 'tasks');
  console.log(`# long tasks (${phase}): ${ms.length === 0 ? 'none' : ms.map((d) => d.toFixed(0)).join(', ')} ms`);
}

/** A cooperative-sticky group of 24 consumers on 48 partitions whose members crash and come back every few seconds. */
function stormScenario() {
  const schedule = [];
  for (let i = 0; i < 40; i++) {
    const consumer = `storm-c${((i * 7) % 24) + 1}`;
    schedule.push({ atMs: 2000 + i * 1500, command: { type: 'crash-consumer', consumer } });
    schedule.push({ atMs: 2700 + i * 1500, command: { type: 'restart-consumer', consumer } });
  }
  return {
    version: 1,
    name: 'Cooperative rebalance storm',
    seed: 3,
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 48, replicationFactor: 3 }],
    producers: [{ id: 'shop', topic: 'orders', ratePerSec: 400, count: 30000, keys: { type: 'uniform', keys: 2000 } }],
    groups: [
      {
        id: 'storm',
        topics: ['orders'],
        consumers: 24,
        assignor: 'cooperative-sticky',
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 3000,
        heartbeatIntervalMs: 1000,
      },
    ],
    schedule,
    durationMs: 75000,
  };
}

const linkOf = (wire) => `v2:${lzString.compressToEncodedURIComponent(JSON.stringify(wire))}`;

async function benchLongTasks(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(longTaskProbe);
  const play = page.locator('.transport-play:not([disabled])');

  await page.goto(`${base}/#/playground?scenario=${fpsScenario}`);
  await play.waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  printLongTasks('open_busy_cluster', await takeLongTasks(page));

  await page.goto(`${base}/#/playground?s=${linkOf({ m: 'kafka', s: stormScenario(), r: 3, c: [], k: 0 })}`);
  await play.waitFor({ timeout: 30_000 });
  await takeLongTasks(page);
  await page.getByRole('button', { name: 'End' }).click();
  await page
    .locator('.transport-clock')
    .filter({ hasText: /1 min 15 s/ })
    .waitFor({ timeout: 180_000 });
  await page.waitForTimeout(1000);
  printLongTasks('storm_to_end', await takeLongTasks(page));

  const wire = { m: 'kafka', s: fpsScenario, r: 5, c: [[seekCommands, { type: 'next-entry' }]], k: seekCommands };
  await page.goto(`${base}/#/playground?s=${linkOf(wire)}`);
  await play.waitFor({ timeout: 180_000 });
  await page.waitForTimeout(1000);
  printLongTasks('open_long_link', await takeLongTasks(page));
  await page.evaluate(
    async ({ samples, length }) => {
      const slider = document.querySelector('.transport-scrub input');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      let x = 777;
      const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
      for (let i = 0; i < samples; i++) {
        setValue.call(slider, String(Math.floor(rand() * length)));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await painted();
      }
      // End at the run's end, for the Trace tab.
      setValue.call(slider, String(length));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await painted();
    },
    { samples: seekSamples, length: seekCommands },
  );
  await page.waitForTimeout(500);
  printLongTasks('scrub_long_run', await takeLongTasks(page));

  await page.getByRole('tab', { name: 'Trace' }).click();
  await page.getByRole('tabpanel').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  printLongTasks('trace_tab_long_run', await takeLongTasks(page));
  await context.close();
}

async function main() {
  if (!existsSync('dist/index.html')) {
    console.log('# no dist/: building');
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (b.status !== 0) return console.log('# build failed; nothing to measure');
  }
  await step('initial JS', async () => print('ui.initial_js_gzip_kb', measureInitialJs('dist').totalGzipBytes / 1024, 'KB'));

  const executablePath = findChromium();
  if (!executablePath) return console.log(`# ${chromiumHelp.replace(/\n/g, '\n# ')}`);
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/static-server.mjs', '--port', String(port), '--mount', '/=dist'], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  let browser;
  try {
    await waitForServer(`${base}/`);
    const { chromium } = await import('@playwright/test');
    browser = await chromium.launch({
      executablePath,
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
    });
    const only = process.argv.slice(2);
    const want = (n) => only.length === 0 || only.includes(n);
    const wantSoak = only.includes('soak') || (only.length === 0 && process.env.BENCH_SOAK_MS !== undefined);
    if (want('interactive')) await step('interactive', () => benchInteractive(browser, base));
    if (want('fps')) await step('fps', () => benchFps(browser, base));
    if (want('fps-heavy')) await step('fps-heavy', () => benchFps(browser, base, 5, 'ui.fps_heavy'));
    if (want('seek')) await step('seek', () => benchSeek(browser, base));
    if (want('long-tasks')) await step('long-tasks', () => benchLongTasks(browser, base));
    if (wantSoak) await step('soak', () => benchSoak(browser, base));
  } catch (e) {
    console.log(`# bench:ui failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    server.kill();
  }
}

await main();
process.exitCode = 0;
