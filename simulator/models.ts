/**
 * Every simulation model, by id: the one list the lessons, the CLI and (through app/models) the
 * workbench, the playground and share links read. Adding a model is one folder in simulator/ and
 * one line here.
 */
import type { AnyModel } from './core/model.ts';
import { amqpModel } from './amqp/model.ts';
import { eventStoreModel } from './eventstore/model.ts';
import { kafkaModel } from './kafka/model.ts';
import { idempotentConsumerModel } from './patterns/idempotent-consumer-model.ts';
import { outboxModel } from './patterns/outbox-model.ts';
import { feedModel } from './patterns/cqrs-feed-model.ts';
import { choreographyModel } from './saga/choreography-model.ts';
import { kafkaChoreographyModel } from './saga/choreography-kafka-model.ts';
import { sagaModel } from './saga/saga-model.ts';
import { twoPhaseCommitModel } from './saga/two-phase-commit-model.ts';

export const simModels = {
  kafka: kafkaModel,
  eventstore: eventStoreModel,
  saga: sagaModel,
  choreography: choreographyModel,
  'kafka-choreography': kafkaChoreographyModel,
  'two-phase-commit': twoPhaseCommitModel,
  outbox: outboxModel,
  'idempotent-consumer': idempotentConsumerModel,
  amqp: amqpModel,
  'cqrs-feed': feedModel,
} as const satisfies Record<string, AnyModel>;

export type ModelId = keyof typeof simModels;

/** The model with this id, or undefined (ids come from links and files, so they are untrusted). */
export function simModelById(id: string): AnyModel | undefined {
  return Object.hasOwn(simModels, id) ? simModels[id as ModelId] : undefined;
}
