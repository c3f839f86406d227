// The bundle-size gate (part of `npm test`): the initial JS must stay at or under 200 KB gzip.
// Size is deterministic for a given lock file, so unlike timings this check may fail the build.
import { existsSync } from 'node:fs';
import { measureInitialJs } from './bundle-size.mjs';

const budgetKb = 200;
const dist = process.argv[2] ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
  console.error(`No ${dist}/index.html: run "npm run build" first.`);
  process.exit(1);
}
const { files, totalGzipBytes } = measureInitialJs(dist);
for (const f of files)
  console.log(`  ${f.file}  ${(f.bytes / 1024).toFixed(1)} KB raw, ${(f.gzipBytes / 1024).toFixed(1)} KB gzip`);
const kb = totalGzipBytes / 1024;
console.log(`bench ui.initial_js_gzip_kb ${kb.toFixed(1)} KB`);
if (kb > budgetKb) {
  console.error(
    `Initial JavaScript is ${kb.toFixed(1)} KB gzip, over the ${budgetKb} KB budget. Move heavy code behind import().`,
  );
  process.exit(1);
}
console.log(`Initial JavaScript ${kb.toFixed(1)} KB gzip is within the ${budgetKb} KB budget.`);
