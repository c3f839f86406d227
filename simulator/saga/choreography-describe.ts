/**
 * One plain sentence per trace entry of the choreographed saga, for narration.
 *
 * Choreography has no orchestrator to speak for the flow, so every sentence is told from the
 * point of view of a single service or of the bus — which is itself part of what the lesson shows.
 */
import type { ChoreographyEntry } from './choreography-types.ts';

/** A human sentence for one choreography trace entry. */
export function describeChoreographyEntry(e: ChoreographyEntry): string {
  const order = e.correlationId === undefined ? '' : ` for ${e.correlationId}`;
  switch (e.type) {
    case 'message-published':
      if (e.publisher === 'client') return `A customer placed an order: PlaceOrder${order} is on the bus.`;
      return e.afterRedelivery
        ? `The ${e.publisher} service published ${e.name}${order} on a redelivery, after a crash had stopped the first announcement.`
        : `The ${e.publisher} service published ${e.name}${order}.`;
    case 'message-delivered':
      return `The bus delivered ${e.name}${order} to the ${e.subscriber} service (attempt ${e.attempt}).`;
    case 'message-redelivery-scheduled':
      return `The bus will offer ${e.name}${order} to the ${e.subscriber} service again at ${e.retryAtMs} ms (${e.why}).`;
    case 'local-transaction-committed':
      return `The ${e.service} service committed ${e.action}${order} in its own database.`;
    case 'local-transaction-failed':
      return `The ${e.service} service did not apply ${e.action}${order}: ${e.reason}.`;
    case 'message-deduplicated':
      return `The ${e.service} service had already done ${e.action}${order}, so the repeated message changed nothing.`;
    case 'service-crashed':
      return e.afterCommit
        ? `The ${e.service} service crashed after committing but before acknowledging; it restarts at ${e.restartAtMs} ms.`
        : `The ${e.service} service crashed; it restarts at ${e.restartAtMs} ms.`;
    case 'service-restarted':
      return `The ${e.service} service is running again.`;
    case 'fault-injected':
      return `Planted a ${e.fault.kind} fault on ${e.fault.action} at the ${e.fault.service} service.`;
  }
}
