/**
 * How the golden-trace test drives each model: start it for a seed, apply a case's commands, and
 * hand back every trace entry and what each command answered. Only this file changes when the
 * models' API changes; the recorded hashes do not.
 */
import { createKafkaSim } from '../kafka/kafka-sim.ts';
import type { ScenarioSpec, SimCommand } from '../scenario/types.ts';
// eslint-disable-next-line no-restricted-imports -- until the bank's workbench commands move into simulator/ (model contract)
import { applyBankAppCommand } from '../../app/eventstore/bank-adapter.ts';
import { createBank, type BankScenario } from '../../lessons/format/models/bank.ts';
import {
  createChoreographySim,
  createKafkaChoreographySim,
  createOrchestratedSagaSim,
  createTwoPhaseCommitSim,
} from '../saga/sims.ts';
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

export const goldenDrivers: Record<string, (seed: number) => GoldenRun> = {
  kafka: (seed) => {
    const sim = createKafkaSim({ seed, scenario: kafkaGolden.scenario as ScenarioSpec });
    const s = sim.init();
    return run(
      kafkaGolden.commands,
      (c) => sim.apply(s, c as SimCommand),
      () => s.trace.entries,
    );
  },
  bank: (seed) => {
    const s = createBank(bankGolden.scenario as BankScenario, seed);
    const apply: Apply = (c) => {
      const cmd = c as { type: string };
      return applyBankAppCommand(s, (cmd.type === 'next-entry' ? { type: 'next-happening' } : cmd) as never);
    };
    return run(bankGolden.commands, apply, () => s.world.trace.entries);
  },
  saga: bundle((seed, sc: object) => createOrchestratedSagaSim({ ...sc, seed }), sagaGolden),
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
