/**
 * Every model the app can show, in one list: the playground, the lesson player, share links and
 * the registry test read it, and nothing else in the app names a model. Adding a model is a folder
 * in simulator/, a folder here, and one line below.
 */
import { ErrorCode, fail, ok, type Result } from '../../simulator/index.ts';
import { amqpUi } from './amqp/index.tsx';
import { choreographyUi } from './choreography/index.tsx';
import { eventStoreUi } from './eventstore/index.tsx';
import { idempotentConsumerUi } from './idempotent-consumer/index.tsx';
import { feedUi } from './cqrs-feed/index.tsx';
import { kafkaUi } from './kafka/index.tsx';
import { kafkaChoreographyUi } from './kafka-choreography/index.tsx';
import { outboxUi } from './outbox/index.tsx';
import { sagaUi } from './saga/index.tsx';
import { twoPhaseCommitUi } from './two-phase-commit/index.tsx';
import type { AnyModelUi } from './types.ts';
import { withBlank } from '../builder/blank.ts';

export const modelUis: readonly AnyModelUi[] = [
  kafkaUi,
  eventStoreUi,
  sagaUi,
  choreographyUi,
  kafkaChoreographyUi,
  twoPhaseCommitUi,
  outboxUi,
  idempotentConsumerUi,
  amqpUi,
  feedUi,
  // Every model also offers a Blank scenario to build from (app/builder/).
].map(withBlank);

/** The model the playground opens when a link names none (and the model of every v1 link). */
export const defaultModelId = 'kafka';

/** A model's entry by id, as a Result: ids come from links, so they are untrusted. */
export function modelUiById(id: string): Result<AnyModelUi> {
  const ui = modelUis.find((m) => m.model.id === id);
  return ui ? ok(ui) : fail(ErrorCode.ScenarioInvalid, `This page has no model called “${id}”.`);
}

/** A built-in scenario of a model, validated by the model. */
export function builtInScenario(ui: AnyModelUi, id: string): Result<unknown> {
  const found = ui.scenarios.find((s) => s.id === id);
  if (!found) return fail(ErrorCode.ScenarioInvalid, `There is no built-in ${ui.model.title} scenario called “${id}”.`);
  return ui.model.loadScenario(found.raw);
}
