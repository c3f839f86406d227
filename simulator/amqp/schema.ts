/**
 * The zod schemas of an AMQP scenario and of one AMQP command: the runtime twins of the types the
 * model builds against, used to turn untrusted JSON (a file, a share link, the playground) into
 * values the model can trust.
 *
 * Objects are strict, so a misspelt field is reported instead of silently ignored. Every count and
 * time has an upper bound, so no valid input can make the model run away. Names are AMQP short
 * strings (checked for their 255-byte limit by the model, which also knows the other refusals);
 * queue arguments and headers are any JSON values, as AMQP field tables are.
 */
import { z } from 'zod';

const LIMITS = { timeMsMax: 1e9, countMax: 10_000, prefetchMax: 65_535, listMax: 1000 } as const;

const name = z.string().max(255);
const timeMs = z.number().int().min(0).max(LIMITS.timeMsMax);
const table = z.record(z.string(), z.json());

export const ConsumerActionSchema = z.enum(['ack', 'nack-requeue', 'nack', 'reject', 'reject-requeue']);

export const ExchangeSpecSchema = z.strictObject({
  name: name.min(1),
  type: z.enum(['direct', 'fanout', 'topic', 'headers']),
  durable: z.boolean().optional(),
  internal: z.boolean().optional(),
  alternateExchange: name.optional(),
});

export const QueueSpecSchema = z.strictObject({
  name: name.min(1),
  durable: z.boolean().optional(),
  /** RabbitMQ's own argument names: x-queue-type, x-message-ttl, x-dead-letter-exchange, … */
  arguments: table.optional(),
});

export const BindingSpecSchema = z.strictObject({
  // '' is the default exchange: allowed here so the model can refuse it with RabbitMQ's words.
  source: name,
  destination: name.min(1),
  destinationType: z.enum(['queue', 'exchange']).default('queue'),
  routingKey: z.string().default(''),
  arguments: table.optional(),
});

export const ConsumerSpecSchema = z.strictObject({
  name: name.min(1),
  queue: name.min(1),
  prefetch: z.number().int().min(0).max(LIMITS.prefetchMax).optional(),
  noAck: z.boolean().optional(),
  processingMs: timeMs.optional(),
  onMessage: z.union([ConsumerActionSchema, z.literal('manual')]).optional(),
  poison: z
    .strictObject({
      bodies: z.array(z.string()).max(LIMITS.listMax),
      action: z.union([ConsumerActionSchema, z.literal('crash')]),
    })
    .optional(),
  restartAfterMs: timeMs.optional(),
  /** Subscribe at this time instead of at the start. */
  startAtMs: timeMs.optional(),
});

export const PublishFieldsSchema = z.strictObject({
  publisher: name.min(1).optional(),
  exchange: name,
  routingKey: z.string().default(''),
  body: z.string().max(10_000),
  headers: table.optional(),
  mandatory: z.boolean().optional(),
  expirationMs: timeMs.optional(),
  priority: z.number().int().min(0).max(255).optional(),
  persistent: z.boolean().optional(),
  correlationId: z.string().max(255).optional(),
});

export const ScheduledPublishSchema = PublishFieldsSchema.extend({
  atMs: timeMs,
  /** Publish `count` copies, `everyMs` apart; a copy's body gets `#n` appended when count > 1. */
  count: z.number().int().min(1).max(LIMITS.countMax).optional(),
  everyMs: timeMs.optional(),
});

export const FaultSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('crash-consumer'), consumer: name, restartAfterMs: timeMs.optional() }),
  z.strictObject({ type: z.literal('restart-consumer'), consumer: name }),
  z.strictObject({ type: z.literal('crash-broker'), restartAfterMs: timeMs.optional() }),
  z.strictObject({ type: z.literal('restart-broker') }),
  z.strictObject({ type: z.literal('slow-consumer'), consumer: name, processingMs: timeMs }),
]);

export const ScheduledFaultSchema = z.strictObject({ atMs: timeMs, fault: FaultSchema });

export const AmqpScenarioSchema = z.strictObject({
  /** One-way client↔broker delay in ms (publish, delivery, ack each take this long). */
  networkDelayMs: timeMs.optional(),
  exchanges: z.array(ExchangeSpecSchema).max(LIMITS.listMax).default([]),
  queues: z.array(QueueSpecSchema).max(LIMITS.listMax).default([]),
  bindings: z.array(BindingSpecSchema).max(LIMITS.countMax).default([]),
  publishers: z
    .array(z.strictObject({ name: name.min(1), confirms: z.boolean().optional() }))
    .max(LIMITS.listMax)
    .default([]),
  consumers: z.array(ConsumerSpecSchema).max(LIMITS.listMax).default([]),
  publishes: z.array(ScheduledPublishSchema).max(LIMITS.countMax).default([]),
  faults: z.array(ScheduledFaultSchema).max(LIMITS.listMax).default([]),
  tasksMaxPerCommand: z.number().int().min(1).max(100_000_000).optional(),
});

export type AmqpScenario = z.input<typeof AmqpScenarioSchema>;
export type AmqpScenarioParsed = z.output<typeof AmqpScenarioSchema>;

const tag = z.number().int().min(1);

export const AmqpCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('advance'), untilMs: timeMs }),
  z.strictObject({ type: z.literal('run-until-idle') }),
  PublishFieldsSchema.extend({ type: z.literal('publish') }),
  z.strictObject({ type: z.literal('ack'), consumer: name, deliveryTag: tag, multiple: z.boolean().optional() }),
  z.strictObject({
    type: z.literal('nack'),
    consumer: name,
    deliveryTag: tag,
    requeue: z.boolean(),
    multiple: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('reject'), consumer: name, deliveryTag: tag, requeue: z.boolean() }),
  z.strictObject({ type: z.literal('get'), queue: name }),
  z.strictObject({
    type: z.literal('declare-exchange'),
    name: name.min(1),
    exchangeType: z.enum(['direct', 'fanout', 'topic', 'headers']),
    durable: z.boolean().optional(),
    internal: z.boolean().optional(),
    alternateExchange: name.optional(),
  }),
  QueueSpecSchema.extend({ type: z.literal('declare-queue') }),
  z.strictObject({ type: z.literal('delete-queue'), name }),
  BindingSpecSchema.extend({ type: z.literal('bind') }),
  BindingSpecSchema.extend({ type: z.literal('unbind') }),
  ConsumerSpecSchema.omit({ startAtMs: true }).extend({ type: z.literal('consume') }),
  z.strictObject({ type: z.literal('crash-consumer'), consumer: name, restartAfterMs: timeMs.optional() }),
  z.strictObject({ type: z.literal('restart-consumer'), consumer: name }),
  z.strictObject({ type: z.literal('slow-consumer'), consumer: name, processingMs: timeMs }),
  z.strictObject({ type: z.literal('crash-broker'), restartAfterMs: timeMs.optional() }),
  z.strictObject({ type: z.literal('restart-broker') }),
]);

/** A command as a caller writes it (defaults not yet filled in). */
export type AmqpCommandInput = z.input<typeof AmqpCommandSchema>;
/** A command the model applies. */
export type AmqpCommand = z.output<typeof AmqpCommandSchema>;
