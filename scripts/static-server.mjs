// A plain static file server for end-to-end tests: it maps URL prefixes to folders and serves
// files, with no rewrite rules (an unknown path is a 404), like GitHub Pages. A folder URL serves
// its index.html and a folder without its trailing slash is redirected to it, as Pages does.
// Usage: node scripts/static-server.mjs --port 4180 --mount /=dist --mount /eda-lab/=dist-sub
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const args = process.argv.slice(2);
let port = 4180;
const mounts = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--mount') {
    const [prefix, dir] = args[++i].split('=');
    mounts.push({ prefix, dir: resolve(dir) });
  }
}
if (mounts.length === 0) mounts.push({ prefix: '/', dir: resolve('dist') });
// Longest prefix first so /eda-lab/ wins over /.
mounts.sort((a, b) => b.prefix.length - a.prefix.length);

async function handle(req, res) {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  for (const { prefix, dir } of mounts) {
    if (prefix !== '/' && path === prefix.replace(/\/$/, '')) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    if (!path.startsWith(prefix)) continue;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) break;
    try {
      const s = await stat(file);
      if (s.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      return res.end(body);
    } catch {
      break;
    }
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('404 Not Found');
}

createServer((req, res) => {
  handle(req, res).catch(() => {
    res.writeHead(500);
    res.end();
  });
}).listen(port, '127.0.0.1', () => {
  console.log(`Serving ${mounts.map((m) => `${m.prefix} -> ${m.dir}`).join(', ')} at http://127.0.0.1:${port}/`);
});
