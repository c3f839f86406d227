/**
 * Issue #12, case 6: a weighted key distribution within the documented limits (4,295 keys of
 * weight 1,000,000, a sum above 2^32) could not run — "Internal error … nextInt bound must be an
 * integer in 1..2^32" — and `npm run sim` still exited 0. Now it runs; and an internal error, if
 * one ever happens, is exit code 2 (runner-internal.test.ts covers that path).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './loader.ts';
import { runScenario } from './runner.ts';
import type { KafkaScenario } from './types.ts';

function heavyWeights(keys: number): KafkaScenario {
  return {
    version: 1,
    name: 'heavy weights',
    brokers: [{ id: 1 }],
    topics: [{ name: 't', partitions: 4, replicationFactor: 1 }],
    producers: [
      {
        id: 'p',
        topic: 't',
        ratePerSec: 1000,
        count: 2000,
        keys: { type: 'weighted', keys: Array.from({ length: keys }, (_, i) => ({ key: `k${i}`, weight: 1_000_000 })) },
      },
    ],
    trace: { mode: 'summary', keepLast: 0 },
  };
}

describe('weighted keys whose weights sum above 2^32', () => {
  it.each([4295, 10_000])('%i keys of weight 1,000,000 load and run', (keys) => {
    const loaded = loadScenario(heavyWeights(keys));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const run = runScenario(loaded.value);
    expect(run.internalError).toBeUndefined();
    expect(run.summary.notes).toEqual([]);
    expect(run.summary.records.produced).toBe(2000);
    expect(run.summary.records.acknowledged).toBe(2000);
  });

  it('npm run sim runs it and exits 0', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eda-weights-')), 'w.json');
    writeFileSync(file, JSON.stringify(heavyWeights(4295)));
    const repo = join(import.meta.dirname, '..', '..', '..');
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'simulator/kafka/scenario/cli.ts', file],
        { cwd: repo, encoding: 'utf8' },
        (err, stdout, stderr) => resolve({ code: err === null ? 0 : Number(err.code), stdout, stderr }),
      );
    });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { records: { produced: number } }).records.produced).toBe(2000);
  });
});
