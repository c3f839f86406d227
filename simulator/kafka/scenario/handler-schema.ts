/**
 * The zod schema of a consumer group's handler (types.ts `HandlerSpec`): what the application does
 * with each record, as plain JSON so a scenario, a share link or a lesson can carry it. Kept apart
 * from schema.ts, which only plugs it into the group's schema. Bounds keep every handler small and
 * every retry finite.
 */
import { z } from 'zod';
import { NAME_PATTERN, SCENARIO_LIMITS as L } from './limits.ts';
import type { ErrorPolicy, FailWhen, HandlerSpec, HandlerStep } from './types.ts';

/** Steps in one handler. */
export const HANDLER_STEPS_MAX = 20;
/** Attempts of one record under blocking retries, and retry topics of one handler. */
export const HANDLER_ATTEMPTS_MAX = 100;
export const RETRY_TOPICS_MAX = 10;

const name = z.string().min(1).max(L.nameLengthMax).regex(NAME_PATTERN, {
  error: 'may use only letters, digits, ".", "_" and "-"',
});
const delayMs = z.int().min(1).max(86_400_000);

export const FailWhenSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('always') }),
  z.strictObject({ type: z.literal('key'), key: z.string().max(L.nameLengthMax) }),
  z.strictObject({
    type: z.literal('record'),
    partition: z
      .int()
      .min(0)
      .max(L.partitionsMax - 1),
    offset: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    topic: name.optional(),
  }),
  z.strictObject({ type: z.literal('first-attempts'), attempts: z.int().min(1).max(HANDLER_ATTEMPTS_MAX) }),
]);

export const HandlerStepSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('store'),
    op: z.enum(['set', 'increment']),
    key: z.string().min(1).max(L.nameLengthMax).optional(),
    by: z.int().min(-1_000_000).max(1_000_000).optional(),
    field: z.string().min(1).max(L.nameLengthMax).optional(),
  }),
  z.strictObject({
    type: z.literal('dedup'),
    retentionMs: z
      .int()
      .min(0)
      .max(86_400_000 * 30),
  }),
  z.strictObject({ type: z.literal('produce'), topic: name }),
  z.strictObject({ type: z.literal('side-effect'), name }),
  z.strictObject({ type: z.literal('fail'), when: FailWhenSchema, error: z.string().min(1).max(200).optional() }),
]);

export const ErrorPolicySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('blocking'),
    maxAttempts: z.int().min(1).max(HANDLER_ATTEMPTS_MAX),
    backoffMs: z.int().min(0).max(86_400_000),
    multiplier: z.number().min(1).max(10).optional(),
    maxBackoffMs: delayMs.optional(),
    deadLetter: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('retry-topics'),
    delaysMs: z.array(delayMs).min(1, { error: 'give at least one retry delay' }).max(RETRY_TOPICS_MAX),
    deadLetter: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('skip'), deadLetter: z.boolean().optional() }),
]);

export const HandlerSpecSchema = z.strictObject({
  steps: z.array(HandlerStepSchema).max(HANDLER_STEPS_MAX),
  onError: ErrorPolicySchema.optional(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const checks: [
  Same<z.infer<typeof FailWhenSchema>, FailWhen>,
  Same<z.infer<typeof HandlerStepSchema>, HandlerStep>,
  Same<z.infer<typeof ErrorPolicySchema>, ErrorPolicy>,
  Same<z.infer<typeof HandlerSpecSchema>, HandlerSpec>,
] = [true, true, true, true];
void checks;

/** A delay as a topic suffix: whole seconds as `10s`, anything else as `500ms`. */
export function delaySuffix(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** The retry topic of `topic` for one delay: `orders-retry-1s`. */
export function retryTopicName(topic: string, delayMs: number): string {
  return `${topic}-retry-${delaySuffix(delayMs)}`;
}

/** The dead-letter topic of `topic`: `orders-dlt` (Spring Kafka's default suffix). */
export function deadLetterTopicName(topic: string): string {
  return `${topic}-dlt`;
}
