/**
 * Golden traces: every model, five seeds, a fault-heavy command list each (cases.ts). The hash of
 * each run's whole trace (and of what each command answered) was recorded before the model
 * contract was introduced; a refactor that claims to keep behaviour must keep every hash.
 *
 * `UPDATE_GOLDEN=1 npx vitest run simulator/golden` rewrites traces.json — only for a change that
 * means to alter behaviour, said so in its commit message.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { goldenDrivers } from './drivers.ts';
import { goldenSeeds } from './cases.ts';

const file = new URL('./traces.json', import.meta.url);
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { entries: number; sha256: string }>;
const update = process.env.UPDATE_GOLDEN === '1';
const fresh: Record<string, { entries: number; sha256: string }> = {};

describe('golden traces', () => {
  for (const [name, driver] of Object.entries(goldenDrivers)) {
    for (const seed of goldenSeeds) {
      it(`${name} seed ${seed} gives the recorded trace`, () => {
        const { entries, answers } = driver(seed);
        const text = JSON.stringify({ entries, answers });
        const got = { entries: entries.length, sha256: createHash('sha256').update(text).digest('hex') };
        fresh[`${name}/${seed}`] = got;
        // A run that writes almost nothing would make a weak golden.
        expect(got.entries).toBeGreaterThan(5);
        if (!update) expect(got).toEqual(recorded[`${name}/${seed}`]);
      });
    }
  }
  afterAll(() => {
    if (update) writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n');
  });
});
