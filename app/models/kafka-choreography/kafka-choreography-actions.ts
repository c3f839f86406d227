/**
 * What a learner can do in the choreography over Kafka: place an order as the customer; on each
 * service, plant a refusal or a crash on a step it owns, a crash after committing its
 * compensation, crash it now or restart it. No transient faults: a Kafka consumer cannot hand one
 * record back for later (the model refuses them, and says why).
 */
import {
  SERVICE_NAMES,
  kafkaChoreographyNode,
  type KafkaChoreographyCommand,
  type KafkaChoreographyWorld,
  type NodeId,
} from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';
import { freeOrderId, serviceActions } from '../choreography/services-view.ts';

export function kafkaChoreographyActions(w: KafkaChoreographyWorld, node: NodeId): Array<NodeAction<KafkaChoreographyCommand>> {
  if (node === kafkaChoreographyNode.client) {
    const orderId = freeOrderId((id) => Object.hasOwn(w.placed, id));
    return [{ label: `Place ${orderId}`, command: { type: 'place-order', orderId } }];
  }
  const svc = SERVICE_NAMES.find((s) => kafkaChoreographyNode.service(s) === node);
  // The topic's brokers are not crashed from here: this model is about the services (see the Kafka model for brokers).
  return svc === undefined ? [] : serviceActions(w.services, svc, false);
}
