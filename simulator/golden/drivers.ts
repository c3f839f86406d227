/**
 * How the golden-trace test drives each model: start it for a seed, apply a case's commands, and
 * hand back every trace entry and what each command answered. Only this file changes when the
 * models' API changes; the recorded hashes do not.
 */
import type { AnyModel } from '../core/model.ts';
import { amqpModel } from '../amqp/model.ts';
import { eventStoreModel } from '../eventstore/model.ts';
import { kafkaModel } from '../kafka/model.ts';
import { idempotentConsumerModel } from '../patterns/idempotent-consumer-model.ts';
import { feedModel } from '../patterns/cqrs-feed-model.ts';
import { outboxModel } from '../patterns/outbox-model.ts';
import { choreographyModel } from '../saga/choreography-model.ts';
import { kafkaChoreographyModel } from '../saga/choreography-kafka-model.ts';
import { sagaModel } from '../saga/saga-model.ts';
import { twoPhaseCommitModel } from '../saga/two-phase-commit-model.ts';
import {
  amqpGolden,
  bankGolden,
  choreographyGolden,
  idempotentGolden,
  feedGolden,
  kafkaGolden,
  outboxGolden,
  sagaGolden,
  tpcGolden,
} from './cases.ts';

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
  amqp: contract(amqpModel, amqpGolden),
  kafka: contract(kafkaModel, kafkaGolden),
  bank: contract(eventStoreModel, bankGolden),
  saga: contract(sagaModel, sagaGolden),
  choreography: contract(choreographyModel, choreographyGolden),
  'kafka-choreography': contract(kafkaChoreographyModel, choreographyGolden),
  'two-phase-commit': contract(twoPhaseCommitModel, tpcGolden),
  'outbox-dual-write': contract(outboxModel, outboxGolden('dual-write')),
  'outbox-polling': contract(outboxModel, outboxGolden('outbox-polling')),
  'outbox-cdc': contract(outboxModel, outboxGolden('outbox-cdc')),
  'idempotent-dedup': contract(idempotentConsumerModel, idempotentGolden(true)),
  'idempotent-none': contract(idempotentConsumerModel, idempotentGolden(false)),
  'cqrs-feed': contract(feedModel, feedGolden),
};
