/**
 * The choreographed order saga over Kafka in the app: its view (each order's steps as each service
 * sees them, its partition and offsets, what each service has not read), topology, node actions,
 * control forms and the playground's scenarios. Its own panels observe the run from outside (a causation tree
 * of any event, lag per service, an event catalog); the shared State tab draws its sections.
 */
import {
  kafkaChoreographyModel,
  type KafkaChoreographyCommand,
  type KafkaChoreographyEntry,
  type KafkaChoreographyScenario,
  type KafkaChoreographyWorld,
} from '../../../simulator/index.ts';
import { KafkaChoreographyControls } from './KafkaChoreographyControls.tsx';
import { CatalogPanel, TraceTreePanel } from './ObservePanels.tsx';
import type { ModelUi } from '../types.ts';
import { kafkaChoreographyActions } from './kafka-choreography-actions.ts';
import { kafkaChoreographyTopology, kafkaChoreographyWorkbenchView } from './kafka-choreography-view.ts';

export const kafkaChoreographyUi: ModelUi<
  KafkaChoreographyScenario,
  KafkaChoreographyWorld,
  KafkaChoreographyCommand,
  KafkaChoreographyEntry
> = {
  model: kafkaChoreographyModel,
  scenarios: [
    { id: 'order-flow', title: 'Order flow over Kafka: one topic keyed by order id, one group per service', raw: {} },
    {
      id: 'payment-declined',
      title: 'Payment declined: PaymentFailed on the topic, the order service cancels',
      raw: { faults: [{ service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' }] },
    },
    {
      id: 'crash-after-commit',
      title: 'Crash after commit: the payment service reads the record again and changes nothing',
      raw: { faults: [{ service: 'payment', action: 'charge-payment', kind: 'crash-after-commit' }] },
    },
  ],
  view: kafkaChoreographyWorkbenchView,
  topology: (w) => kafkaChoreographyTopology(w),
  actions: (w, node) => kafkaChoreographyActions(w, node),
  panels: [
    { id: 'causation-tree', label: 'Causation tree', render: (p) => <TraceTreePanel {...p} /> },
    { id: 'catalog', label: 'Lag and catalog', render: (p) => <CatalogPanel {...p} /> },
  ],
  // A Kafka world is large to copy; checkpoint often so stepping back replays little.
  checkpointEvery: 16,
  Controls: KafkaChoreographyControls,
};
