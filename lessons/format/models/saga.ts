/** Temporary re-export while the app moves onto the model contract (removed in the same series). */
import { applySagaCommand, cloneSagaWorld, createOrchestratedSaga } from '../../../simulator/saga/orchestrated-saga.ts';
import type { SagaScenario } from '../../../simulator/saga/saga-model.ts';
import { sagaNode } from '../../../simulator/saga/saga-reads.ts';
export { sagaRead } from '../../../simulator/saga/saga-reads.ts';
export type { SagaScenario } from '../../../simulator/saga/saga-model.ts';
export const sagaNodeIds = sagaNode;
export const createSaga = (scenario: SagaScenario, seed: number) => createOrchestratedSaga({ ...scenario, seed });
export const applySaga = applySagaCommand;
export const cloneSaga = cloneSagaWorld;
