// ESLint rule `local/no-import-cycle`: a module must not import itself back through a chain of
// relative imports. Cycles make load order matter (a module can see another's exports as
// undefined while both are still loading) and hide which layer depends on which; simulator/ keeps
// its layers one-way (a broker-side purgatory below replication, client code above both).
//
// It follows value imports and re-exports written as relative paths with their extension, as this
// repo writes them ('./log.ts'); type-only imports (`import type`, `export type`) are erased at
// compile time and cannot form a runtime cycle, so they are skipped. Files are read from disk once
// per lint run (cached by path and modification time), so linting a folder stays linear.
import fs from 'node:fs';
import path from 'node:path';

const cache = new Map();

/** The value imports of a file: absolute paths of the relative modules it imports or re-exports. */
function importsOf(file, text) {
  let stat;
  if (text === undefined) {
    try {
      stat = fs.statSync(file);
    } catch {
      return [];
    }
    const hit = cache.get(file);
    if (hit !== undefined && hit.mtimeMs === stat.mtimeMs) return hit.imports;
    text = fs.readFileSync(file, 'utf8');
  }
  const out = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[2] !== undefined) continue;
    out.push(path.resolve(path.dirname(file), m[3]));
  }
  if (stat !== undefined) cache.set(file, { mtimeMs: stat.mtimeMs, imports: out });
  return out;
}

/** A chain of imports from `start` back to `target`, or null (depth-first, each file once). */
function pathBack(start, target, seen) {
  if (start === target) return [target];
  if (seen.has(start)) return null;
  seen.add(start);
  for (const next of importsOf(start)) {
    const rest = pathBack(next, target, seen);
    if (rest !== null) return [start, ...rest];
  }
  return null;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow a module importing itself back through relative imports.' },
    messages: { cycle: 'Import cycle: {{chain}}. Move the shared part into a module both can import.' },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    const root = path.dirname(file);
    const check = (node) => {
      if (node.source === null || node.source === undefined) return;
      if (node.importKind === 'type' || node.exportKind === 'type') return;
      const spec = node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const chain = pathBack(path.resolve(root, spec), file, new Set());
      if (chain === null) return;
      const shown = [file, ...chain].map((f) => path.relative(process.cwd(), f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { chain: shown } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
