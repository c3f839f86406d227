/**
 * The choreographed order saga on the small event bus, behind the model contract
 * (simulator/core/model.ts): its schemas, its run, one sentence per trace entry, and the nodes each
 * entry touches or moves a message between — the customer, the bus and the four services.
 *
 * There is no orchestrator node: in choreography every message goes through the bus, so each
 * token a learner sees flies from a publisher to the bus or from the bus to a subscriber.
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, nodeId, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { applyChoreographyCommand, CHOREOGRAPHY_DEFAULTS, cloneChoreography, createChoreography } from './choreography.ts';
import type { ChoreographyCommand, ChoreographyEntry, ChoreographyOptions, ChoreographyWorld } from './choreography-types.ts';
import { describeChoreographyEntry } from './choreography-view.ts';
import { clockCommandSchemas, orderCommandSchemas, refuseFaults, servicesOptionsShape, timeMs } from './saga-schemas.ts';
import { ACTIONS, SERVICE_NAMES, faultProblem, type ActionName, type ServiceName } from './services.ts';
import { BUS_MESSAGE_NAMES } from './choreography-reactions.ts';
import type { BusMessageName } from './event-bus.ts';

/** How a choreography lesson or playground run starts: the model's options without the seed. */
export type ChoreographyScenario = Omit<ChoreographyOptions, 'seed'>;

/** The one place the choreography's node ids are spelled. */
export const choreographyNode = {
  /** Whoever places orders: the PlaceOrder command comes from outside the services. */
  client: nodeId('client', 'customer'),
  bus: nodeId('bus', 'event-bus'),
  service: (s: ServiceName): NodeId => nodeId('service', s),
} as const;

/** Delays are drawn by the seeded rng, which takes whole numbers only. */
const delayMs = z.int().min(0).max(3_600_000);

export const ChoreographyScenarioSchema = z
  .strictObject({
    ...servicesOptionsShape,
    deliveryDelayMsMin: delayMs.optional(),
    deliveryDelayMsMax: delayMs.optional(),
    // At least 1 ms, or a message refused by a down subscriber would be offered again at the same instant for ever.
    redeliveryMs: timeMs.min(1).optional(),
    restartAfterMs: timeMs.optional(),
    tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
  })
  .superRefine(refuseFaults(faultProblem))
  .superRefine((s, ctx) => {
    const min = s.deliveryDelayMsMin ?? CHOREOGRAPHY_DEFAULTS.deliveryDelayMsMin;
    const max = s.deliveryDelayMsMax ?? CHOREOGRAPHY_DEFAULTS.deliveryDelayMsMax;
    if (min > max) {
      const message = `must be at least deliveryDelayMsMin (${min}), got ${max}`;
      ctx.addIssue({ code: 'custom', message, path: ['deliveryDelayMsMax'] });
    }
  });

/** The same commands as the orchestrated saga: clock, place an order, plant a fault, crash and restart. */
const busName = z.enum(BUS_MESSAGE_NAMES as [BusMessageName, ...BusMessageName[]]);
const serviceName = z.enum(SERVICE_NAMES);
export const ChoreographyCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  ...orderCommandSchemas,
  z.strictObject({
    type: z.literal('add-reaction'),
    reaction: z.strictObject({
      on: busName,
      service: serviceName,
      action: z.enum(Object.keys(ACTIONS) as [ActionName, ...ActionName[]]),
      ok: busName,
      rejected: busName.optional(),
    }),
  }),
  z.strictObject({ type: z.literal('remove-reaction'), on: busName, service: serviceName }),
]);

function publisherNode(p: ServiceName | 'client'): NodeId {
  return p === 'client' ? choreographyNode.client : choreographyNode.service(p);
}

function entryNodes(e: ChoreographyEntry): NodeId[] {
  const n = choreographyNode;
  switch (e.type) {
    case 'message-published':
      return [publisherNode(e.publisher), n.bus];
    case 'message-delivered':
    case 'message-redelivery-scheduled':
      return [n.bus, n.service(e.subscriber)];
    case 'fault-injected':
      return [n.service(e.fault.service)];
    default:
      return [n.service(e.service)];
  }
}

function route(e: ChoreographyEntry): EntryRoute | undefined {
  switch (e.type) {
    case 'message-published':
      return { from: publisherNode(e.publisher), to: choreographyNode.bus };
    case 'message-delivered':
      return { from: choreographyNode.bus, to: choreographyNode.service(e.subscriber) };
    default:
      return undefined;
  }
}

export const choreographyModel: SimModel<ChoreographyScenario, ChoreographyWorld, ChoreographyCommand, ChoreographyEntry> = {
  id: 'choreography',
  title: 'Choreographed saga',
  scenarioSchema: ChoreographyScenarioSchema as z.ZodType<ChoreographyScenario>,
  commandSchema: ChoreographyCommandSchema as z.ZodType<ChoreographyCommand>,
  loadScenario: (input) =>
    parseWithSchema(ChoreographyScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario') as Result<ChoreographyScenario>,
  loadCommand: (input) =>
    parseWithSchema(ChoreographyCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<ChoreographyCommand>,
  run: (scenario) => ({
    init: (seed) => createChoreography({ ...scenario, seed }),
    apply: applyChoreographyCommand,
    clone: cloneChoreography,
    nowMs: (w) => w.nowMs,
    nextAtMs: nextTaskAtMs,
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeChoreographyEntry,
  entryNodes,
  route,
};

// Compile-time checks: what the schemas accept is exactly what the model's types describe.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameScenario: Same<z.infer<typeof ChoreographyScenarioSchema>, ChoreographyScenario> = true;
const sameCommand: Same<z.infer<typeof ChoreographyCommandSchema>, ChoreographyCommand> = true;
void [sameScenario, sameCommand];
