/**
 * Kafka in the app: its view, topology, node actions, its own panels (partition strips, groups,
 * lag charts), the inspector's words for partitions, records and groups, the produce form, and the
 * documented example scenarios.
 */
import {
  kafkaModel,
  type KafkaCommand,
  type KafkaScenario,
  type KafkaState,
  type KafkaTraceEntry,
} from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { ConnectedChartsPanel } from './charts/ChartsPanel.tsx';
import { chartFeedFor } from './charts/chart-store.ts';
import { ConnectedAppsPanel } from './apps/AppsPanel.tsx';
import { kafkaActions } from './kafka-actions.ts';
import { inspectKafka, kafkaNodeFacts } from './kafka-inspect.ts';
import { kafkaTopology } from './kafka-topology.ts';
import { kafkaView } from './kafka-view.ts';
import { ConnectedGroupsPanel } from './panels/GroupsPanel.tsx';
import { ConnectedPartitionStrips } from './panels/PartitionStrips.tsx';
import { KafkaTools } from './ProduceForm.tsx';
import { KafkaControls } from './KafkaControls.tsx';
import { ConnectedSchemaPanel } from './schema/SchemaPanel.tsx';
import { kafkaScenarios } from './scenarios.ts';

export const kafkaUi: ModelUi<KafkaScenario, KafkaState, KafkaCommand, KafkaTraceEntry> = {
  model: kafkaModel,
  scenarios: kafkaScenarios,
  view: kafkaView,
  topology: kafkaTopology,
  actions: (s, node) => kafkaActions(s, node),
  panels: [
    { id: 'partitions', label: 'Partitions', render: (p) => <ConnectedPartitionStrips {...p} /> },
    { id: 'groups', label: 'Groups', render: (p) => <ConnectedGroupsPanel {...p} /> },
    { id: 'charts', label: 'Charts', render: (p) => <ConnectedChartsPanel store={p.store} /> },
    { id: 'schemas', label: 'Schemas', render: (p) => <ConnectedSchemaPanel {...p} /> },
    { id: 'apps', label: 'Apps', render: (p) => <ConnectedAppsPanel {...p} /> },
  ],
  inspect: inspectKafka,
  nodeFacts: kafkaNodeFacts,
  flightLegend: {
    record: 'a record (colour and label: its key)',
    batch: 'a batch (fetch, ack, copy)',
    control: 'a commit, assign or revoke',
  },
  checkpointEvery: 128,
  attach: (store) => void chartFeedFor(store),
  Tools: KafkaTools,
  Controls: KafkaControls,
};
