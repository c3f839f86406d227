/**
 * An internal error of the simulator is not a completed run: the runner flags it (`internalError`)
 * so the CLI exits with 2 as documented, where it used to print the summary and exit 0.
 */
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../core/errors.ts';
import type * as KafkaSimModule from '../kafka-sim.ts';
import { minimalScenario } from './test-fixtures.ts';

vi.mock('../kafka-sim.ts', async (importOriginal) => {
  const real = await importOriginal<typeof KafkaSimModule>();
  return {
    ...real,
    createKafkaSim: (opts: Parameters<typeof real.createKafkaSim>[0]) => ({
      ...real.createKafkaSim(opts),
      apply: () => ({
        ok: false as const,
        error: { code: ErrorCode.Internal, message: 'Internal error while applying advance: boom' },
      }),
    }),
  };
});

describe('runScenario on an internal error', () => {
  it('reports it as internalError and in the notes', async () => {
    const { runScenario } = await import('./runner.ts');
    const run = runScenario(minimalScenario(), { untilMs: 100 });
    expect(run.internalError).toBe('Internal error while applying advance: boom');
    expect(run.summary.notes).toEqual(['Internal error while applying advance: boom']);
  });
});
