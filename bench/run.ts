/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order (or those named on the command
 * line) and prints their figures. A benchmark module exports `default (report) => Promise<void>`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { report } from './report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

for (const f of files) {
  console.log(`# ${f}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: (r: typeof report) => Promise<void> };
  try {
    await mod.default(report);
  } catch (e) {
    // A broken benchmark is reported, not fatal: benchmarks never fail the suite.
    console.log(`# ${f} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
