/** The five-member bundles drive every model the same way: a generic script runs on each. */
import { describe, expect, it } from 'vitest';
import { createChoreographySim, createOrchestratedSagaSim, createTwoPhaseCommitSim, type ModelSim } from './sims.ts';
import { createIdempotentConsumerSim, createOutboxModelSim } from '../patterns/sims.ts';
import type { TraceBase } from '../core/trace.ts';
import type { TaskBase, WorldBase } from '../core/world.ts';

function drive<S extends WorldBase<TaskBase, E>, C, E extends TraceBase>(sim: ModelSim<S, C, TaskBase, E>, first: C): string[] {
  const s = sim.init();
  expect(sim.apply(s, first).ok).toBe(true);
  const copy = sim.clone(s);
  expect(sim.apply(s, { type: 'run-until-idle' } as C)).toMatchObject({ ok: true, value: { stoppedBy: 'idle' } });
  expect(copy.trace.entries.length).toBeLessThan(s.trace.entries.length); // the clone is independent
  return s.trace.entries.map((e) => sim.describeEntry(e));
}

describe('model sims', () => {
  it('each model runs a first command to idle and narrates it', () => {
    const stories = [
      drive(createOrchestratedSagaSim({ seed: 1 }) as never, { type: 'place-order', orderId: 'order-1' }),
      drive(createChoreographySim({ seed: 1 }) as never, { type: 'place-order', orderId: 'order-1' }),
      drive(createTwoPhaseCommitSim({ seed: 1 }) as never, { type: 'begin' }),
      drive(createIdempotentConsumerSim({ seed: 1 }) as never, { type: 'deliver', eventId: 'evt-1' }),
      drive(createOutboxModelSim({ seed: 1 }) as never, { type: 'place-order', orderId: 'order-1' }),
    ];
    for (const story of stories) {
      expect(story.length).toBeGreaterThan(2);
      for (const line of story) expect(line).toMatch(/^[A-Za-z].+\.$/);
    }
  });
});
