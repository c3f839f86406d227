/**
 * Everything the AMQP model can report, as a typed union of trace entries.
 *
 * Entries that move a message say `from` and `to` as node ids, so a view can fly a token between
 * two nodes without knowing what the entry means. `correlationId` follows one published message
 * through routing, delivery and dead-lettering (a dead-lettered copy keeps it); `causationId` is
 * the id of the message copy the happening is about.
 */
import type { TraceBase } from '../core/trace.ts';
import type { AmqpNodeId, DeathReason } from './types.ts';

interface E<T extends string> extends TraceBase {
  type: T;
}

interface Moves {
  from: AmqpNodeId;
  to: AmqpNodeId;
  messageId: string;
  body: string;
}

export type DropReason =
  | DeathReason
  | 'no-dead-letter-exchange'
  | 'dead-letter-exchange-missing'
  | 'dead-letter-cycle'
  | 'broker-down'
  | 'not-persisted'
  | 'queue-deleted'
  | 'no-route';

export type AmqpEntry =
  | (E<'message-published'> & Moves & { exchange: string; routingKey: string; mandatory: boolean })
  | (E<'message-routed'> & Moves & { exchange: string; destinationType: 'queue' | 'exchange'; viaAlternate: boolean })
  | (E<'message-unroutable'> & { messageId: string; body: string; exchange: string; routingKey: string })
  | (E<'message-returned'> & Moves & { replyCode: 312; replyText: 'NO_ROUTE'; exchange: string; routingKey: string })
  | (E<'message-confirmed'> & Moves & { ack: boolean })
  | (E<'message-delivered'> &
      Moves & {
        queue: string;
        consumer: string;
        deliveryTag: number;
        redelivered: boolean;
        /** The message's headers as delivered (shared, never mutated); x-delivery-count is not in them. */
        headers: Record<string, unknown> | null;
        /** Quorum queues: times returned so far; RabbitMQ adds it as x-delivery-count when above 0. */
        deliveryCount: number;
      })
  | (E<'message-fetched'> & {
      messageId: string;
      body: string;
      queue: string;
      redelivered: boolean;
      headers: Record<string, unknown> | null;
      deliveryCount: number;
    })
  | (E<'message-acked'> & Moves & { queue: string; consumer: string; deliveryTag: number })
  | (E<'message-nacked'> &
      Moves & { queue: string; consumer: string; deliveryTag: number; requeue: boolean; method: 'nack' | 'reject' })
  | (E<'message-requeued'> & Moves & { queue: string; deliveryCount: number; cause: 'nack' | 'consumer-down' })
  | (E<'message-expired'> & { messageId: string; body: string; queue: string })
  | (E<'message-dead-lettered'> &
      Moves & { queue: string; reason: DeathReason; exchange: string; routingKeys: string[]; newMessageId: string })
  | (E<'message-dropped'> & { messageId: string; body: string; queue: string | null; reason: DropReason })
  | (E<'binding-added'> & { source: string; destination: string; destinationType: 'queue' | 'exchange'; routingKey: string })
  | (E<'binding-removed'> & { source: string; destination: string; destinationType: 'queue' | 'exchange'; routingKey: string })
  | (E<'exchange-declared'> & { exchange: string; exchangeType: string })
  | (E<'queue-declared'> & { queue: string; queueType: string })
  | (E<'queue-deleted'> & { queue: string; messagesLost: number })
  | (E<'consumer-started'> & { consumer: string; queue: string; prefetch: number })
  | (E<'consumer-crashed'> & { consumer: string; queue: string; returned: number })
  | (E<'consumer-slowed'> & { consumer: string; processingMs: number })
  | (E<'broker-crashed'> & { queuesLost: string[]; messagesLost: number })
  | (E<'broker-restarted'> & { queuesRecovered: string[] });

export type AmqpEntryType = AmqpEntry['type'];
