/**
 * The choreographed order saga on the small bus in the app: its view (each order's steps as each
 * service sees them), topology, node actions and the playground's scenarios. It has no panel of
 * its own: the shared State tab draws its sections.
 */
import {
  choreographyModel,
  type ChoreographyCommand,
  type ChoreographyEntry,
  type ChoreographyScenario,
  type ChoreographyWorld,
} from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { choreographyActions } from './choreography-actions.ts';
import { choreographyTopology, choreographyWorkbenchView } from './choreography-view.ts';

export const choreographyUi: ModelUi<ChoreographyScenario, ChoreographyWorld, ChoreographyCommand, ChoreographyEntry> = {
  model: choreographyModel,
  scenarios: [
    { id: 'order-flow', title: 'Order flow by events: place orders as the customer, plant faults on services', raw: {} },
    {
      id: 'payment-declined',
      title: 'Payment declined: the order service cancels on PaymentFailed, nobody else is told',
      raw: { faults: [{ service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' }] },
    },
    {
      id: 'shipping-fails',
      title: 'Shipping fails: inventory and payment each undo their step on ShippingFailed',
      raw: { faults: [{ service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier can collect' }] },
    },
  ],
  view: choreographyWorkbenchView,
  topology: () => choreographyTopology(),
  actions: (w, node) => choreographyActions(w, node),
  panels: [],
  checkpointEvery: 64,
};
