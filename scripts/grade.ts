/**
 * `npm run grade -- <exercise-id> <design.json> [--json] [--base URL]`: grades a practice design
 * headless, with the same graders the Practice page runs in its worker.
 *
 * Exit codes: 0 the design passes, 1 it fails (each broken check is printed with the seed of the
 * failing run and a link that opens that run in the workbench at the moment it broke), 2 the
 * arguments or the file are not a valid design (the message names the field). `--json` prints
 * `{ exercise, passed, checks: [{ name, held, detail, link }] }`; `--base` is the site's address,
 * put in front of each link (default: links are printed as `#/playground?s=…` routes).
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { gradeDesign, parseDesign } from '../simulator/index.ts';
import { withLinks } from '../app/practice/verdict-links.ts';

export const USAGE = 'usage: npm run grade -- <exercise-id> <design.json> [--json] [--base URL]';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

function fileProblem(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[], io: Io): number {
  const positional: string[] = [];
  let json = false;
  let base = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--base') base = argv[++i] ?? '';
    else if (a.startsWith('--')) {
      io.err(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else positional.push(a);
  }
  if (positional.length !== 2) {
    io.err(USAGE);
    return 2;
  }
  const [exercise, path] = positional as [string, string];
  let text: string;
  try {
    text = io.readFile(path);
  } catch (err) {
    io.err(`${path}: cannot read the design (${fileProblem(err)})`);
    return 2;
  }
  const design = parseDesign(text, exercise);
  if (!design.ok) {
    const issues = 'issues' in design.error ? design.error.issues : [];
    io.err(
      `${path}: not a valid ${exercise.toUpperCase()} design\n${(issues.length > 0 ? issues.map((i) => i.message) : [design.error.message]).map((m) => `  ${m}`).join('\n')}`,
    );
    return 2;
  }
  const v = withLinks(gradeDesign(design.value));
  const link = (l: string | null) => (l === null ? null : `${base}${l}`);
  if (json) {
    const checks = v.checks.map((c) => ({ name: c.name, held: c.held, detail: c.detail, link: link(c.link) }));
    io.out(JSON.stringify({ exercise: v.exercise, passed: v.passed, checks }, null, 2));
  } else {
    const lines = [`${v.exercise}: ${v.passed ? 'PASSED' : 'FAILED'} (grader v${v.graderVersion})`];
    for (const c of v.checks) {
      lines.push(`  ${c.held ? 'held  ' : 'BROKEN'} ${c.name}`, `         ${c.detail}`);
      if (!c.held && c.seed !== null) lines.push(`         failing seed: ${c.seed}`);
      if (!c.held && c.link !== null) lines.push(`         show me: ${link(c.link)}`);
    }
    io.out(lines.join('\n'));
  }
  return v.passed ? 0 : 1;
}

const isMain = process.argv[1] !== undefined && import.meta.filename === process.argv[1];
if (isMain) {
  process.exitCode = main(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    readFile: (p) => readFileSync(p, 'utf8'),
  });
}
