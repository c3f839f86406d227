/**
 * `npm run sim` end to end, as a learner meets it: a real Node process, real files. Bad input is a
 * message and exit code 1, never a stack trace; a good run prints a JSON summary and can write
 * the trace as JSON lines.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalScenario } from './test-fixtures.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'eda-sim-'));

/** Runs the CLI in its own Node process (concurrently with the other tests: each takes seconds). */
function sim(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const argv = ['--import', 'tsx', 'simulator/kafka/scenario/cli.ts', ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: repo, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr });
    });
  });
}

/** A stack trace line, as Node prints them. */
const STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe.concurrent('npm run sim', () => {
  it('runs another model from its scenario and a script of commands', async () => {
    const scenario = join(dir, 'saga.json');
    const script = join(dir, 'saga-script.json');
    writeFileSync(scenario, '{}');
    writeFileSync(
      script,
      JSON.stringify([
        { type: 'inject-fault', fault: { service: 'payment', action: 'charge-payment', kind: 'business' } },
        { type: 'place-order', orderId: 'order-1' },
      ]),
    );
    const r = await sim(scenario, '--model', 'saga', '--commands', script, '--seed', '4');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { model: string; seed: number; entries: Record<string, number> };
    expect(out).toMatchObject({ model: 'saga', seed: 4, entries: { 'saga-compensated': 1 } });
    const unknown = await sim(scenario, '--model', 'carrier-pigeon');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('sim: there is no model called "carrier-pigeon"\n');
    writeFileSync(script, '[{"type":"explode"}]');
    const bad = await sim(scenario, '--model', 'saga', '--commands', script);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^sim: command 1 is not valid/);
    expect(bad.stderr).not.toMatch(STACK);
  });

  it('runs an example, prints the summary and writes the whole trace', async () => {
    const trace = join(dir, 'trace.jsonl');
    const r = await sim('docs/examples/fan-out-three-groups.json', '--trace', trace, '--seed', '3', '--until', '20000');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      seed: number;
      atMs: number;
      records: { produced: number };
      traceCounts: Record<string, number>;
    };
    expect(summary).toMatchObject({ seed: 3, atMs: 20_000, records: { produced: 300 } });
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n');
    const total = Object.values(summary.traceCounts).reduce((n, k) => n + k, 0);
    expect(lines.length).toBe(total);
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(lines.map((_, i) => i));
    expect(r.stderr).toContain(`wrote ${total} trace entries`);
  });

  it('lists every problem of an invalid scenario and exits with 1', async () => {
    const s = minimalScenario() as unknown as Record<string, unknown> & ReturnType<typeof minimalScenario>;
    s.topics[0]!.partitions = 0;
    s.producers![0]!.topic = 'order';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(s));
    const r = await sim(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file} is not a valid scenario (2 problems):`);
    expect(r.stderr).toContain('  - topics[0].partitions: a topic needs at least 1 partition, got 0');
    expect(r.stderr).toContain('  - producers[0].topic: producer "shop" writes to topic "order"');
    expect(r.stderr).not.toMatch(STACK);
  });

  it.each([
    [['missing.json'], 'sim: cannot read missing.json: no such file or folder'],
    [['--seed', 'x', 'a.json'], 'sim: --seed needs a whole number, got "x"'],
  ])('%j: a message, exit code 1, no stack trace', async (args, message) => {
    const r = await sim(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('says when it cannot write the trace', async () => {
    const r = await sim('docs/examples/fan-out-three-groups.json', '--trace', join(dir, 'no-such-folder', 't.jsonl'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sim: cannot write the trace to');
    expect(r.stderr).toContain('no such file or folder');
  });

  it('prints its usage for --help', async () => {
    const r = await sim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run sim -- <scenario.json>/);
  });
});
