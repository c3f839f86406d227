/**
 * RabbitMQ in the app: its view, topology (publishers → exchanges → queues → consumers, bindings
 * with their keys), node actions, the queues panel, and the playground's scenarios.
 */
import { amqpModel, type AmqpEntry, type AmqpModelCommand, type AmqpScenario, type AmqpWorld } from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { amqpActions } from './amqp-actions.ts';
import { AmqpTools } from './AmqpTools.tsx';
import { amqpTopology } from './amqp-topology.ts';
import { amqpWorkbenchView } from './amqp-view.ts';
import { ConnectedQueuesPanel } from './QueuesPanel.tsx';
import { amqpScenarios } from './scenarios.ts';

export const amqpUi: ModelUi<AmqpScenario, AmqpWorld, AmqpModelCommand, AmqpEntry> = {
  model: amqpModel,
  scenarios: amqpScenarios,
  view: amqpWorkbenchView,
  topology: amqpTopology,
  actions: (w, node) => amqpActions(w, node),
  panels: [{ id: 'queues', label: 'Queues', render: (p) => <ConnectedQueuesPanel {...p} /> }],
  // Every move carries its message: a publish, a route, a delivery, and the ack or confirm for it.
  flightLegend: { record: 'a message, or the ack or confirm for it (colour and label: its body)' },
  checkpointEvery: 64,
  Tools: AmqpTools,
};
