// Measures the JavaScript a browser must download before the first page is interactive: the
// module scripts in the built index.html, the chunks it modulepreloads, and every chunk those
// import statically (dynamic import() is lazy and not counted — that is where mermaid lives).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize, relative } from 'node:path';

const staticImport = /(?:^|[;}\n\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const htmlRefs = /<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g;

function toFile(distDir, fromFile, ref) {
  // Refs are relative ("./assets/x.js") or absolute under the base ("/eda-lab/assets/x.js").
  const assetsAt = ref.indexOf('assets/');
  if (ref.startsWith('.')) return normalize(join(dirname(fromFile), ref));
  return join(distDir, assetsAt >= 0 ? ref.slice(assetsAt) : ref.replace(/^\/+/, ''));
}

/** Returns { files: [{file, bytes, gzipBytes}], totalGzipBytes } for the eager JS of dist/. */
export function measureInitialJs(distDir) {
  const indexPath = join(distDir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const queue = [...html.matchAll(htmlRefs)].map((m) => toFile(distDir, indexPath, m[1]));
  const seen = new Set();
  const files = [];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    files.push({ file: relative(distDir, file), bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const m of code.toString('utf8').matchAll(staticImport)) queue.push(toFile(distDir, file, m[1]));
  }
  return { files, totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}
