/**
 * The models a lesson can run on, by id, with the types that go with each — read from the
 * simulator's own registry (simulator/models.ts), so a lesson names a model exactly as the
 * playground and share links do, and `defineLesson` checks a lesson's commands against it.
 */
import {
  simModelById,
  type CommandOfModel,
  type ModelId,
  type ModelRun,
  type ScenarioOfModel,
  type simModels,
  type StateOfModel,
} from '../../simulator/index.ts';

export type ModelName = ModelId;
type ModelOf<M extends ModelName> = (typeof simModels)[M];
export type StateOf<M extends ModelName> = StateOfModel<ModelOf<M>>;
export type CommandOf<M extends ModelName> = CommandOfModel<ModelOf<M>>;
export type ScenarioOf<M extends ModelName> = ScenarioOfModel<ModelOf<M>>;

/** The model bound to a scenario, or undefined when no such model exists (a lesson from a newer app). */
export function runFor<M extends ModelName>(model: M, scenario: ScenarioOf<M>): ModelRun<StateOf<M>, CommandOf<M>> | undefined {
  return simModelById(model)?.run(scenario);
}
