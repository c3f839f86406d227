/**
 * One plain sentence per AMQP trace entry, for the narration live region, the event list and the
 * sequence diagrams' notes. Written for a learner: names in quotes, RabbitMQ's terms kept.
 */
import type { AmqpEntry } from './trace-entries.ts';

const q = (name: string) => `'${name}'`;
const x = (name: string) => (name === '' ? 'the default exchange' : `exchange '${name}'`);

/** One sentence saying what the entry records. */
export function describeAmqpEntry(e: AmqpEntry): string {
  switch (e.type) {
    case 'message-published':
      return `${e.from.slice('publisher:'.length)} published "${e.body}" to ${x(e.exchange)} with routing key ${q(e.routingKey)}${e.mandatory ? ' (mandatory)' : ''}.`;
    case 'message-routed':
      return `${x(e.exchange)} routed "${e.body}" to ${e.destinationType} ${q(e.to.slice(e.destinationType.length + 1))}${e.viaAlternate ? ' (its alternate exchange)' : ''}.`;
    case 'message-unroutable':
      return `Message "${e.body}" matched no binding of ${x(e.exchange)} for routing key ${q(e.routingKey)}.`;
    case 'message-returned':
      return `The broker returned "${e.body}" to its publisher: ${e.replyCode} ${e.replyText}.`;
    case 'message-confirmed':
      return `The broker ${e.ack ? 'confirmed' : 'refused (nack)'} "${e.body}" to its publisher.`;
    case 'message-delivered':
      return `Queue ${q(e.queue)} delivered "${e.body}" to consumer ${q(e.consumer)} (delivery tag ${e.deliveryTag}${e.redelivered ? ', redelivered' : ''}).`;
    case 'message-fetched':
      return `basic.get took "${e.body}" from queue ${q(e.queue)}${e.redelivered ? ' (redelivered)' : ''}.`;
    case 'message-acked':
      return `Consumer ${q(e.consumer)} acknowledged "${e.body}"; queue ${q(e.queue)} forgets it.`;
    case 'message-nacked':
      return `Consumer ${q(e.consumer)} ${e.method === 'nack' ? 'nacked' : 'rejected'} "${e.body}" ${e.requeue ? 'with requeue' : 'without requeue'}.`;
    case 'message-requeued':
      return `Message "${e.body}" went back to queue ${q(e.queue)} ${e.cause === 'nack' ? 'after a requeue' : 'because its consumer died'}; it will be redelivered.`;
    case 'message-expired':
      return `Message "${e.body}" expired at the head of queue ${q(e.queue)}.`;
    case 'message-dead-lettered':
      return `Queue ${q(e.queue)} dead-lettered "${e.body}" (${e.reason}) to ${x(e.exchange)} with routing key ${q(e.routingKeys[0] ?? '')}.`;
    case 'message-dropped':
      return `Message "${e.body}" was dropped${e.queue === null ? '' : ` by queue ${q(e.queue)}`}: ${e.reason.replace(/-/g, ' ')}.`;
    case 'binding-added':
      return `Bound ${e.destinationType} ${q(e.destination)} to ${x(e.source)} with key ${q(e.routingKey)}.`;
    case 'binding-removed':
      return `Unbound ${e.destinationType} ${q(e.destination)} from ${x(e.source)} (key ${q(e.routingKey)}).`;
    case 'exchange-declared':
      return `Declared ${e.exchangeType} exchange ${q(e.exchange)}.`;
    case 'queue-declared':
      return `Declared ${e.queueType} queue ${q(e.queue)}.`;
    case 'queue-deleted':
      return `Deleted queue ${q(e.queue)}; ${e.messagesLost} message(s) went with it.`;
    case 'consumer-started':
      return `Consumer ${q(e.consumer)} subscribed to queue ${q(e.queue)} with prefetch ${e.prefetch === 0 ? 'unlimited' : e.prefetch}.`;
    case 'consumer-crashed':
      return `Consumer ${q(e.consumer)} died; its ${e.returned} unacknowledged message(s) went back to queue ${q(e.queue)}.`;
    case 'consumer-slowed':
      return `Consumer ${q(e.consumer)} now takes ${e.processingMs} ms per message.`;
    case 'broker-crashed':
      return `The broker crashed: ${e.messagesLost} message(s) lost${e.queuesLost.length > 0 ? `, transient queue(s) ${e.queuesLost.map(q).join(', ')} gone` : ''}.`;
    case 'broker-restarted':
      return `The broker restarted with ${e.queuesRecovered.length} durable queue(s).`;
  }
}
