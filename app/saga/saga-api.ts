/**
 * The one place the app reaches into the saga simulator and the lessons' saga driver, so the rest
 * of app/saga depends on a small surface that can move behind simulator/index.ts.
 */
export { applySaga, cloneSaga, createSaga, sagaNodeIds, type SagaScenario } from '../../lessons/format/models/saga.ts';
export { describeSagaEntry } from '../../simulator/saga/saga-describe.ts';
export { STEP_DEFS } from '../../simulator/saga/saga-types.ts';
export type {
  SagaCommand,
  SagaEntry,
  SagaInstance,
  SagaStep,
  SagaWorld,
  StepName,
  StepStatus,
} from '../../simulator/saga/saga-types.ts';
export { ACTIONS, SERVICE_NAMES, type ActionName, type ServiceName } from '../../simulator/saga/services.ts';
export { nextTaskAtMs } from '../../simulator/core/world.ts';
