/**
 * `npm run grade`: exit codes 0 (passes), 1 (fails, with seeds and links), 2 (not a valid design,
 * the field named), and the `--json` shape a teacher's script reads.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShareState } from '../app/share/share-link.ts';
import { simModelById, ok, fail, ErrorCode } from '../simulator/index.ts';
import { main } from './grade.ts';

const root = join(import.meta.dirname, '..');
const x09 = (file: string) => join(root, 'lessons/exercises/X09-never-lose-an-order', file);

function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => (Object.hasOwn(files, p) ? files[p]! : readFileSync(p, 'utf8')),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run grade', () => {
  it('exits 0 for a passing design', () => {
    const r = run(['X09', x09('solution.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^X09: PASSED/);
  });

  it('exits 1 for a failing design, printing the seed and a link that opens the run', () => {
    const r = run(['X09', x09('wrong-acks-1.json'), '--base', 'https://example.org/eda/']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('BROKEN No acknowledged order is lost');
    expect(r.out).toMatch(/failing seed: \d+/);
    const link = /show me: (\S+)/.exec(r.out)![1]!;
    expect(link.startsWith('https://example.org/eda/#/playground?s=v2%3A')).toBe(true);
    const state = decodeShareState(decodeURIComponent(link.split('?s=')[1]!), (id) => {
      const m = simModelById(id);
      return m ? ok(m) : fail(ErrorCode.ShareLinkInvalid, `no model ${id}`);
    });
    expect(state.ok && state.value.model).toBe('kafka');
    expect(state.ok && state.value.cursor).toBeGreaterThan(0);
  });

  it('--json prints { exercise, passed, checks: [{ name, held, detail, link }] }', () => {
    const r = run(['x09', x09('wrong-unclean.json'), '--json']);
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out) as { exercise: string; passed: boolean; checks: Array<Record<string, unknown>> };
    expect(Object.keys(v)).toEqual(['exercise', 'passed', 'checks']);
    expect(v.exercise).toBe('X09');
    expect(v.passed).toBe(false);
    for (const c of v.checks) expect(Object.keys(c)).toEqual(['name', 'held', 'detail', 'link']);
    expect(v.checks.find((c) => c.held === false)?.link).toMatch(/^#\/playground\?s=v2%3A/);
    expect(v.checks.find((c) => c.held === true)?.link).toBeNull();
  });

  it('exits 2 for an invalid design, naming every wrong field', () => {
    const r = run(['X09', 'bad.json'], { 'bad.json': '{"exercise":"X09","acks":3}' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('acks: must be one of');
    expect(r.err).toContain('replicationFactor: is required');
  });

  it('exits 2 for a design of another exercise, a missing file and bad arguments', () => {
    expect(run(['X02', x09('solution.json')]).err).toContain('this design is for X09, not X02');
    expect(run(['X09', 'nope.json']).err).toContain('no such file');
    expect(run(['X09']).code).toBe(2);
    expect(run(['X09', 'a', '--frobnicate']).code).toBe(2);
  });

  it('sets the process exit code when run as a command', () => {
    const status = (file: string) => {
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/grade.ts', 'X06', file], { cwd: root, stdio: 'pipe' });
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    expect(status('lessons/exercises/X06-remove-dual-write/solution.json')).toBe(0);
    expect(status('lessons/exercises/X06-remove-dual-write/wrong-dual-write.json')).toBe(1);
    expect(status('package.json')).toBe(2);
  });
});
