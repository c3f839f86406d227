/**
 * The plain-data shapes of the AMQP 0-9-1 model: node ids, exchanges, bindings, queues, messages,
 * consumers, tasks and the world.
 *
 * Everything here is JSON-serialisable. Indexes keyed by names a learner chooses are null-prototype
 * objects (see dict.ts) so a queue called `__proto__` is just a queue. Commands live in
 * commands.ts and trace entries in trace-entries.ts.
 */
import type { WorldBase } from '../core/world.ts';
import type { Dict } from './dict.ts';
import type { AmqpEntry } from './trace-entries.ts';
import type { ConsumerDecl } from './consumers.ts';

export type AmqpNodeKind = 'exchange' | 'queue' | 'consumer' | 'publisher';
/** A node the view draws. Built only by `amqpNodeId`; nothing parses one back. */
export type AmqpNodeId = `${AmqpNodeKind}:${string}`;

/** The one way to build a node id. */
export function amqpNodeId(kind: AmqpNodeKind, name: string): AmqpNodeId {
  return `${kind}:${name}`;
}

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export interface AmqpBinding {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  /** Binding arguments (a headers exchange's match spec). Null-prototype. */
  arguments: Dict<unknown>;
}

export interface AmqpExchange {
  name: string;
  type: ExchangeType;
  durable: boolean;
  /** Internal exchanges take no publishes, only exchange-to-exchange routing. */
  internal: boolean;
  /** Where messages this exchange cannot route go instead (the `alternate-exchange` argument). */
  alternateExchange: string | null;
  /** Bindings with this exchange as source, in the order they were made. */
  bindings: AmqpBinding[];
  /** Bumped on every binding change, so derived routing tables know to rebuild. */
  version: number;
}

export type QueueType = 'classic' | 'quorum';
export type Overflow = 'drop-head' | 'reject-publish';

/** A queue's arguments as the model reads them from RabbitMQ's `x-…` names. */
export interface QueueConfig {
  type: QueueType;
  messageTtlMs: number | null;
  deadLetterExchange: string | null;
  deadLetterRoutingKey: string | null;
  maxLength: number | null;
  overflow: Overflow;
  /** Quorum only: a message returned more times than this is dead-lettered (delivery_limit). */
  deliveryLimit: number | null;
  /** Classic only: 1..255 priority levels (x-max-priority). */
  maxPriority: number | null;
}

export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

/** A message as it sits in queues. Headers are a null-prototype copy. */
export interface AmqpMessage {
  /** The model's id for this copy (`m-7`); a dead-lettered copy gets a new one, as in RabbitMQ. */
  id: string;
  /** The body, as text: what a learner reads on the token. */
  body: string;
  /** The exchange it was last published (or dead-lettered) to. */
  exchange: string;
  /** The routing key(s): the publish's key, or the dead-letter routing key after dead-lettering. */
  routingKeys: string[];
  headers: Dict<unknown> | null;
  /** Per-message TTL (the `expiration` property), in ms; removed when dead-lettered. */
  expirationMs: number | null;
  priority: number | null;
  /** delivery-mode 2: survives a broker restart in a durable queue. */
  persistent: boolean;
  publisher: string | null;
  correlationId: string;
}

/** One message in one queue. */
export interface QueuedMessage {
  msg: AmqpMessage;
  /** Arrival order in this queue: a classic queue requeues a message back at this position. */
  pos: number;
  /** When it expires (queue TTL or per-message TTL, the earlier), or null. */
  expiresAtMs: number | null;
  redelivered: boolean;
  /** Quorum queues: how many times it was returned (x-delivery-count). */
  deliveryCount: number;
}

/** A FIFO with a moving head, so taking from the front is O(1). */
export interface Fifo {
  items: QueuedMessage[];
  head: number;
}

export interface AmqpQueue {
  name: string;
  durable: boolean;
  /** The declare arguments as given (null-prototype), for display and the real-broker script. */
  arguments: Dict<unknown>;
  config: QueueConfig;
  /** Ready messages by priority level (one level unless x-max-priority); highest index first out. */
  levels: Fifo[];
  /** Quorum queues serve returned messages before the rest (rabbit_fifo's returns queue). */
  returns: QueuedMessage[];
  readyCount: number;
  unackedCount: number;
  nextPos: number;
  /** Consumers in round-robin order that have room; a full one leaves and rejoins at the tail. */
  active: string[];
  /** Time of the pending head-expiry task, if one is scheduled. */
  expiryAtMs: number | null;
}

export type ConsumerAction = 'ack' | 'nack-requeue' | 'nack' | 'reject' | 'reject-requeue';

export interface UnackedDelivery {
  deliveryTag: number;
  qm: QueuedMessage;
}

export interface AmqpConsumer {
  name: string;
  queue: string;
  /** basic.qos prefetch count for this consumer; 0 = unlimited. */
  prefetch: number;
  /** Auto-ack: the broker forgets the message as it sends it; prefetch does not apply. */
  noAck: boolean;
  processingMs: number;
  /** What it does when it has processed a message; `manual` waits for the learner's command. */
  onMessage: ConsumerAction | 'manual';
  /** Bodies it cannot handle (a poison message) and what it then does. */
  poison: { bodies: string[]; action: ConsumerAction | 'crash' } | null;
  /** Restart this long after a crash; null = stay down until restarted by a command. */
  restartAfterMs: number | null;
  up: boolean;
  /** Bumped on every crash so tasks scheduled for the old incarnation do nothing. */
  incarnation: number;
  nextTag: number;
  unacked: UnackedDelivery[];
  /** True while out of the queue's round-robin because its prefetch window is full. */
  blocked: boolean;
  received: number;
  /** Down because the broker went down: it reconnects when the broker comes back. */
  downWithBroker: boolean;
}

export interface AmqpPublisher {
  name: string;
  confirms: boolean;
}

export interface AmqpConfig {
  /** One-way delay between a client and the broker, in ms. */
  networkDelayMs: number;
  /** The bound on tasks one command may run. */
  tasksMaxPerCommand: number;
}

export type AmqpTask =
  | { type: 'publish-send'; publish: PublishSpec }
  | { type: 'publish-arrive'; msg: AmqpMessage; mandatory: boolean }
  | { type: 'fault'; fault: AmqpFault }
  | { type: 'start-consumer'; decl: ConsumerDecl }
  | { type: 'consumer-done'; consumer: string; incarnation: number; deliveryTag: number }
  | { type: 'expire-head'; queue: string }
  | { type: 'restart-consumer'; consumer: string; incarnation: number }
  | { type: 'restart-broker'; epoch: number };

/** A fault planted in a scenario, run at its time. */
export type AmqpFault =
  | { type: 'crash-consumer'; consumer: string; restartAfterMs?: number | undefined }
  | { type: 'restart-consumer'; consumer: string }
  | { type: 'crash-broker'; restartAfterMs?: number | undefined }
  | { type: 'restart-broker' }
  | { type: 'slow-consumer'; consumer: string; processingMs: number };

/** A publish as a publisher sends it. */
export interface PublishSpec {
  publisher: string | null;
  exchange: string;
  routingKey: string;
  body: string;
  headers?: Record<string, unknown> | undefined;
  mandatory?: boolean | undefined;
  expirationMs?: number | undefined;
  priority?: number | undefined;
  persistent?: boolean | undefined;
  correlationId?: string | undefined;
}

export interface AmqpWorld extends WorldBase<AmqpTask, AmqpEntry> {
  config: AmqpConfig;
  brokerUp: boolean;
  /** Bumped on every broker crash, so a scheduled restart of an older crash does nothing. */
  brokerEpoch: number;
  exchanges: Dict<AmqpExchange>;
  queues: Dict<AmqpQueue>;
  consumers: Dict<AmqpConsumer>;
  publishers: Dict<AmqpPublisher>;
  /** Published messages so far (for ids). */
  published: number;
}
