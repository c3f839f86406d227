/**
 * Reads a queue's declare arguments (RabbitMQ's `x-…` names) into the model's QueueConfig, and
 * refuses what RabbitMQ 3.10 refuses for that queue type.
 *
 * Arguments the model does not simulate (x-expires, single active consumer, lazy mode, byte
 * limits, streams) are refused with a message saying so, rather than silently ignored: a scenario
 * that declares them would behave differently here and on a real broker.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { Overflow, QueueConfig, QueueType } from './types.ts';

const NOT_MODELLED = [
  'x-expires',
  'x-single-active-consumer',
  'x-queue-mode',
  'x-max-length-bytes',
  'x-queue-master-locator',
  'x-quorum-initial-group-size',
  'x-dead-letter-strategy',
  'x-max-in-memory-length',
  'x-max-in-memory-bytes',
  'x-queue-version',
];

function refuse(queue: string, arg: string, why: string): Result<never> {
  return fail(
    ErrorCode.InvalidCommand,
    `PRECONDITION_FAILED - invalid arg '${arg}' for queue '${queue}' in vhost '/': ${why}`,
    `arguments.${arg}`,
  );
}

function nonNegativeInt(queue: string, args: Record<string, unknown>, arg: string): Result<number | null> {
  if (!Object.prototype.hasOwnProperty.call(args, arg) || args[arg] === undefined) return ok(null);
  const v = args[arg];
  if (typeof v !== 'number' || !Number.isInteger(v)) return refuse(queue, arg, `{unacceptable_type,${typeof v}}`);
  if (v < 0) return refuse(queue, arg, `{value_negative,${v}}`);
  return ok(v);
}

function str(queue: string, args: Record<string, unknown>, arg: string): Result<string | null> {
  if (!Object.prototype.hasOwnProperty.call(args, arg) || args[arg] === undefined) return ok(null);
  const v = args[arg];
  return typeof v === 'string' ? ok(v) : refuse(queue, arg, `{unacceptable_type,${typeof v}}`);
}

/** The model's config for a queue declared with `args`, or RabbitMQ's refusal. */
export function parseQueueArguments(queue: string, args: Record<string, unknown>, durable: boolean): Result<QueueConfig> {
  for (const k of NOT_MODELLED)
    if (Object.prototype.hasOwnProperty.call(args, k))
      return fail(ErrorCode.InvalidCommand, `the queue argument ${k} is not modelled by this simulator`, `arguments.${k}`);
  const typeArg = str(queue, args, 'x-queue-type');
  if (!typeArg.ok) return typeArg;
  const type = (typeArg.value ?? 'classic') as QueueType;
  if (type !== 'classic' && type !== 'quorum')
    return typeArg.value === 'stream'
      ? fail(ErrorCode.InvalidCommand, 'stream queues are not modelled by this simulator', 'arguments.x-queue-type')
      : refuse(queue, 'x-queue-type', `{unsupported_type,${typeArg.value}}`);
  if (type === 'quorum' && !durable)
    return fail(
      ErrorCode.InvalidCommand,
      `PRECONDITION_FAILED - invalid property 'non-durable' for queue '${queue}' in vhost '/'`,
      'durable',
    );
  const ttl = nonNegativeInt(queue, args, 'x-message-ttl');
  if (!ttl.ok) return ttl;
  const dlx = str(queue, args, 'x-dead-letter-exchange');
  if (!dlx.ok) return dlx;
  const dlrk = str(queue, args, 'x-dead-letter-routing-key');
  if (!dlrk.ok) return dlrk;
  if (dlrk.value !== null && dlx.value === null)
    return refuse(queue, 'x-dead-letter-routing-key', 'routing_key_but_no_dlx_defined');
  const maxLength = nonNegativeInt(queue, args, 'x-max-length');
  if (!maxLength.ok) return maxLength;
  const overflowArg = str(queue, args, 'x-overflow');
  if (!overflowArg.ok) return overflowArg;
  const overflow = (overflowArg.value ?? 'drop-head') as Overflow;
  if (overflow !== 'drop-head' && overflow !== 'reject-publish')
    return overflowArg.value === 'reject-publish-dlx'
      ? fail(ErrorCode.InvalidCommand, 'x-overflow reject-publish-dlx is not modelled by this simulator', 'arguments.x-overflow')
      : refuse(queue, 'x-overflow', `{invalid_value,${overflowArg.value}}`);
  const limit = nonNegativeInt(queue, args, 'x-delivery-limit');
  if (!limit.ok) return limit;
  const prio = nonNegativeInt(queue, args, 'x-max-priority');
  if (!prio.ok) return prio;
  if (prio.value !== null && type === 'quorum')
    return fail(
      ErrorCode.InvalidCommand,
      `PRECONDITION_FAILED - invalid arg 'x-max-priority' for queue '${queue}' in vhost '/' of queue type rabbit_quorum_queue`,
      'arguments.x-max-priority',
    );
  if (prio.value !== null && prio.value > 255) return refuse(queue, 'x-max-priority', `{value_too_large,${prio.value},255}`);
  return ok({
    type,
    messageTtlMs: ttl.value,
    deadLetterExchange: dlx.value,
    deadLetterRoutingKey: dlrk.value,
    maxLength: maxLength.value,
    overflow,
    // Classic queues in 3.10 accept x-delivery-limit and ignore it; only quorum queues count.
    deliveryLimit: type === 'quorum' ? limit.value : null,
    maxPriority: prio.value === 0 ? null : prio.value,
  });
}
