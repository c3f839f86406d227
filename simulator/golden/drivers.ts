/**
 * How the golden-trace test drives each model: start it for a seed, apply a case's commands, and
 * hand back every trace entry and what each command answered. Only this file changes when the
 * models' API changes; the recorded hashes do not.
 */
import type { AnyModel } from '../core/model.ts';
import { eventStoreModel } from '../eventstore/model.ts';
import { kafkaModel } from '../kafka/model.ts';
import { sagaModel } from '../saga/saga-model.ts';
import { createChoreographySim, createKafkaChoreographySim, createTwoPhaseCommitSim } from '../saga/sims.ts';
import { createIdempotentConsumerSim, createOutboxModelSim } from '../patterns/sims.ts';
import { bankGolden, choreographyGolden, idempotentGolden, kafkaGolden, outboxGolden, sagaGolden, tpcGolden } from './cases.ts';

export interface GoldenRun {
  entries: readonly unknown[];
  answers: unknown[];
}

type Apply = (command: unknown) => { ok: boolean; error?: { code: string } };

function run(commands: readonly unknown[], apply: Apply, entries: () => readonly unknown[]): GoldenRun {
  const answers = commands.map((c) => {
    const r = apply(c);
    return r.ok ? 'ok' : r.error?.code;
  });
  return { entries: entries(), answers };
}

/** A ModelSim-shaped bundle (init/apply) driven over a case. */
function bundle(
  make: (
    seed: number,
    scenario: never,
  ) => {
    init(): { trace: { entries: readonly unknown[] } };
    apply(s: never, c: never): { ok: boolean; error?: { code: string } };
  },
  c: { scenario: unknown; commands: readonly unknown[] },
) {
  return (seed: number): GoldenRun => {
    const sim = make(seed, c.scenario as never);
    const s = sim.init();
    return run(
      c.commands,
      (cmd) => sim.apply(s as never, cmd as never),
      () => s.trace.entries,
    );
  };
}

/** A model through the contract: scenario and commands validated by its own loaders first. */
function contract(model: AnyModel, c: { scenario: unknown; commands: readonly unknown[] }) {
  return (seed: number): GoldenRun => {
    const scenario = model.loadScenario(c.scenario);
    if (!scenario.ok) throw new Error(scenario.error.message);
    const r = model.run(scenario.value);
    const s = r.init(seed);
    const apply: Apply = (cmd) => {
      const loaded = model.loadCommand(cmd);
      if (!loaded.ok) throw new Error(loaded.error.message);
      return r.apply(s, loaded.value);
    };
    return run(c.commands, apply, () => r.trace(s).entries);
  };
}

export const goldenDrivers: Record<string, (seed: number) => GoldenRun> = {
  kafka: contract(kafkaModel, kafkaGolden),
  bank: contract(eventStoreModel, bankGolden),
  saga: contract(sagaModel, sagaGolden),
  choreography: bundle((seed, sc: object) => createChoreographySim({ ...sc, seed }), choreographyGolden),
  'kafka-choreography': (seed) => {
    const sim = createKafkaChoreographySim({ seed });
    const s = sim.init();
    return run(
      choreographyGolden.commands,
      (c) => sim.apply(s, c as never),
      () => s.trace.entries,
    );
  },
  'two-phase-commit': bundle((seed, sc: object) => createTwoPhaseCommitSim({ ...sc, seed }), tpcGolden),
  'outbox-dual-write': bundle((seed, sc: object) => createOutboxModelSim({ ...sc, seed }), outboxGolden('dual-write')),
  'outbox-polling': bundle((seed, sc: object) => createOutboxModelSim({ ...sc, seed }), outboxGolden('outbox-polling')),
  'outbox-cdc': bundle((seed, sc: object) => createOutboxModelSim({ ...sc, seed }), outboxGolden('outbox-cdc')),
  'idempotent-dedup': bundle((seed, sc: object) => createIdempotentConsumerSim({ ...sc, seed }), idempotentGolden(true)),
  'idempotent-none': bundle((seed, sc: object) => createIdempotentConsumerSim({ ...sc, seed }), idempotentGolden(false)),
};
