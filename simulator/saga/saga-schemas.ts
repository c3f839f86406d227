/**
 * Zod schemas shared by the saga-family models (orchestrated saga, choreography on a bus and over
 * Kafka): the four services' options and planted faults, placing an order, crashing and restarting
 * a service, and the clock commands every model has. Each model's own schema is built from these,
 * so a scenario file and a share link are checked the same way for all of them.
 */
import { z } from 'zod';
import { DEFAULT_CONFIG } from './orchestrated-saga.ts';
import { ACTIONS, faultProblem, SERVICE_NAMES, type ServiceFault } from './services.ts';
import { DEFAULT_STEPS } from './saga-types.ts';

export const timeMs = z.number().min(0).max(Number.MAX_SAFE_INTEGER);
const count = z.int().min(0).max(1_000_000);
const orderId = z.string().min(1).max(64);
const service = z.enum(SERVICE_NAMES);
const action = z.enum(Object.keys(ACTIONS) as [keyof typeof ACTIONS, ...Array<keyof typeof ACTIONS>]);

export const ServiceFaultSchema = z.strictObject({
  service,
  action,
  kind: z.enum(['business', 'transient', 'crash', 'crash-after-commit']),
  times: z.int().min(1).max(1000).optional(),
  reason: z.string().max(120).optional(),
  restartAfterMs: timeMs.optional(),
});

/** The services' options: processing times, stock, the card limit, idempotent handlers, faults. */
export const servicesOptionsShape = {
  processingMs: z.partialRecord(service, timeMs).optional(),
  initialStock: z.record(z.string().max(64), count).optional(),
  cardLimitCents: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  idempotentHandlers: z.boolean().optional(),
  faults: z.array(ServiceFaultSchema).max(100).optional(),
};

/** step, advance, run-until-idle, and the transport's next-entry. */
export const clockCommandSchemas = [
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('advance'), untilMs: timeMs }),
  z.strictObject({ type: z.literal('run-until-idle') }),
  z.strictObject({ type: z.literal('next-entry') }),
] as const;

/** Placing an order, planting a fault, crashing and restarting a service. */
export const orderCommandSchemas = [
  z.strictObject({
    type: z.literal('place-order'),
    orderId,
    sku: z.string().min(1).max(64).optional(),
    qty: z.int().min(1).max(1_000_000).optional(),
    amountCents: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  }),
  z.strictObject({ type: z.literal('inject-fault'), fault: ServiceFaultSchema }),
  z.strictObject({ type: z.literal('crash-service'), service, restartAfterMs: timeMs.optional() }),
  z.strictObject({ type: z.literal('restart-service'), service }),
] as const;

const stepName = z.enum(DEFAULT_STEPS as unknown as ['create-order', 'reserve-inventory', 'charge-payment', 'create-shipment']);

/** Network delays are drawn by the seeded rng, which takes whole numbers only. */
const delayMs = z.int().min(0).max(3_600_000);

/**
 * The orchestrated saga's scenario: its options without the seed, checked as
 * `createOrchestratedSaga` would (planted faults, each step once, a delay range that is not
 * empty, a step timeout above zero), so a scenario that loads always starts.
 */
export const SagaScenarioSchema = z
  .strictObject({
    ...servicesOptionsShape,
    steps: z.array(stepName).min(1).max(4).optional(),
    networkDelayMsMin: delayMs.optional(),
    networkDelayMsMax: delayMs.optional(),
    stepTimeoutMs: timeMs.positive().optional(),
    stepAttemptsMax: z.int().min(1).max(100).optional(),
    retryBackoffMs: timeMs.optional(),
    retryBackoffMsMax: timeMs.optional(),
    restartAfterMs: timeMs.optional(),
    tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
  })
  .superRefine(refuseFaults(faultProblem))
  .superRefine((s, ctx) => {
    (s.steps ?? []).forEach((step, i) => {
      if (s.steps!.indexOf(step) !== i)
        ctx.addIssue({ code: 'custom', message: `step "${step}" appears twice`, path: ['steps', i] });
    });
    const min = s.networkDelayMsMin ?? DEFAULT_CONFIG.networkDelayMsMin;
    const max = s.networkDelayMsMax ?? DEFAULT_CONFIG.networkDelayMsMax;
    if (min > max) {
      const message = `must be at least networkDelayMsMin (${min}), got ${max}`;
      ctx.addIssue({ code: 'custom', message, path: ['networkDelayMsMax'] });
    }
  });

export const SagaCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  ...orderCommandSchemas,
  z.strictObject({ type: z.literal('set-step-order'), steps: z.array(stepName).min(1).max(4) }),
  z.strictObject({ type: z.literal('add-step'), step: stepName, at: z.int().min(0).max(3).optional() }),
  z.strictObject({ type: z.literal('remove-step'), step: stepName }),
  z.strictObject({
    type: z.literal('set-compensation'),
    step: stepName,
    compensation: z.enum(['cancel-order', 'release-inventory', 'refund-payment']).nullable(),
  }),
]);

/**
 * A refinement for a scenario's planted faults: each one `problem` refuses (a compensation asked to
 * refuse for a business reason, an action its service does not perform) becomes an issue at
 * `faults[i]`, so a scenario that could not start is refused when it is loaded, not when it runs.
 */
export function refuseFaults(problem: (f: ServiceFault) => string | undefined) {
  return (scenario: { faults?: ServiceFault[] | undefined }, ctx: z.RefinementCtx): void => {
    (scenario.faults ?? []).forEach((f, i) => {
      const p = problem(f);
      if (p !== undefined) ctx.addIssue({ code: 'custom', message: p, path: ['faults', i] });
    });
  };
}
