/**
 * The orchestrated order saga in the app: its view (each saga's state machine step by step, the
 * services and their tables), topology, node actions and the playground's scenarios. It has no
 * panel of its own: the shared State tab draws its sections.
 */
import { sagaModel, type SagaCommand, type SagaEntry, type SagaScenario, type SagaWorld } from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { sagaActions } from './saga-actions.ts';
import { sagaTopology, sagaView } from './saga-view.ts';
import { SagaControls } from './SagaControls.tsx';

export const sagaUi: ModelUi<SagaScenario, SagaWorld, SagaCommand, SagaEntry> = {
  model: sagaModel,
  scenarios: [
    { id: 'order-saga', title: 'Order saga: place orders from the orchestrator, plant faults on services', raw: {} },
    {
      id: 'payment-declined',
      title: 'Payment declined: the saga compensates in reverse',
      raw: { faults: [{ service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' }] },
    },
  ],
  view: sagaView,
  topology: (w) => sagaTopology(w),
  actions: (w, node) => sagaActions(w, node),
  panels: [],
  checkpointEvery: 64,
  Controls: SagaControls,
};
