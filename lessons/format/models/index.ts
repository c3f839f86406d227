/**
 * The models a lesson can run on, by name, with the types that go with each.
 *
 * `ModelMap` ties a model name to its state, command and scenario types, so `defineLesson` checks
 * a lesson's commands against the model it names. `drivers` holds the functions the headless
 * runner and the workbench call; a model without a driver (none today) would have its types here
 * and no entry in `drivers`, and the runner says so instead of crashing.
 */
import type { Result } from '../../../simulator/core/errors.ts';
import type { KafkaState } from '../../../simulator/kafka/state.ts';
import type { ScenarioSpec, SimCommand } from '../../../simulator/scenario/types.ts';
import type { SagaCommand, SagaWorld } from '../../../simulator/saga/saga-types.ts';
import { applyBankCommand, cloneBank, createBank, type BankCommand, type BankScenario, type BankState } from './bank.ts';
import { applyKafka, cloneKafka, createKafka } from './kafka.ts';
import { applySaga, cloneSaga, createSaga, type SagaScenario } from './saga.ts';

export interface ModelMap {
  eventstore: { state: BankState; command: BankCommand; scenario: BankScenario };
  saga: { state: SagaWorld; command: SagaCommand; scenario: SagaScenario };
  kafka: { state: KafkaState; command: SimCommand; scenario: ScenarioSpec };
}

export type ModelName = keyof ModelMap;
export type StateOf<M extends ModelName> = ModelMap[M]['state'];
export type CommandOf<M extends ModelName> = ModelMap[M]['command'];
export type ScenarioOf<M extends ModelName> = ModelMap[M]['scenario'];

/** What the runner needs of a model: build from a scenario, apply a command in place, copy. */
export interface LessonDriver<M extends ModelName> {
  create(scenario: ScenarioOf<M>, seed: number): StateOf<M>;
  apply(state: StateOf<M>, command: CommandOf<M>): Result<unknown>;
  clone(state: StateOf<M>): StateOf<M>;
}

export const drivers: { [M in ModelName]?: LessonDriver<M> } = {
  eventstore: { create: createBank, apply: applyBankCommand, clone: cloneBank },
  saga: { create: createSaga, apply: applySaga, clone: cloneSaga },
  kafka: { create: createKafka, apply: applyKafka, clone: cloneKafka },
};

/** The driver for a model, or undefined when that model is not available yet. */
export function driverFor<M extends ModelName>(model: M): LessonDriver<M> | undefined {
  return drivers[model] as LessonDriver<M> | undefined;
}
