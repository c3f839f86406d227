/**
 * The AMQP model (RabbitMQ's exchanges, queues, consumers and dead letters) behind the model
 * contract (simulator/core/model.ts): its schemas, its run, one sentence per trace entry, and the
 * nodes each entry touches or moves a message between — which the AMQP trace entries already say
 * themselves (`from` and `to`), so nothing is worked out here.
 */
import { z } from 'zod';
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { nextEntryCommand, runUntilNextEntry, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { describeAmqpEntry } from './describe.ts';
import { AmqpCommandSchema, AmqpScenarioSchema, type AmqpCommandInput, type AmqpScenario } from './schema.ts';
import type { AmqpEntry } from './trace-entries.ts';
import { amqpNodeId, type AmqpWorld } from './types.ts';
import { applyAmqpCommand, cloneAmqpWorld, createAmqpWorld } from './world.ts';

/** An AMQP command as the workbench, lessons and links carry it: the model's, plus `next-entry`. */
export type AmqpModelCommand = AmqpCommandInput | { type: 'next-entry' };

export const AmqpModelCommandSchema = z.discriminatedUnion('type', [
  ...AmqpCommandSchema.options,
  z.strictObject({ type: z.literal('next-entry') }),
]);

/** Tasks one `next-entry` may run looking for something observable. */
const nextEntryTasksMax = 10_000;

/** A scenario passes its schema and the model's own checks (bindings to exchanges that exist, …). */
function loadScenario(input: unknown): Result<AmqpScenario> {
  const parsed = parseWithSchema(AmqpScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario');
  if (!parsed.ok) return parsed;
  const world = createAmqpWorld(parsed.value, 1);
  if (!world.ok) return fail(ErrorCode.ScenarioInvalid, `scenario: ${world.error.message}`, world.error.path);
  return ok(parsed.value);
}

const id = (x: string): NodeId => x as NodeId;

function entryNodes(e: AmqpEntry): NodeId[] {
  const out: NodeId[] = [];
  if ('from' in e) out.push(id(e.from), id(e.to));
  if ('queue' in e && typeof e.queue === 'string') out.push(id(amqpNodeId('queue', e.queue)));
  if ('consumer' in e && typeof e.consumer === 'string') out.push(id(amqpNodeId('consumer', e.consumer)));
  if ('exchange' in e && typeof e.exchange === 'string') out.push(id(amqpNodeId('exchange', e.exchange)));
  return [...new Set(out)];
}

function route(e: AmqpEntry): EntryRoute | undefined {
  return 'from' in e ? { from: id(e.from), to: id(e.to) } : undefined;
}

export const amqpModel: SimModel<AmqpScenario, AmqpWorld, AmqpModelCommand, AmqpEntry> = {
  id: 'amqp',
  title: 'RabbitMQ (AMQP 0-9-1)',
  scenarioSchema: AmqpScenarioSchema as unknown as z.ZodType<AmqpScenario>,
  commandSchema: AmqpModelCommandSchema as unknown as z.ZodType<AmqpModelCommand>,
  loadScenario,
  loadCommand: (input) =>
    parseWithSchema(AmqpModelCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<AmqpModelCommand>,
  run: (scenario) => ({
    init: (seed) => {
      const w = createAmqpWorld(scenario, seed);
      // loadScenario has run the same checks, so a scenario that reaches here always builds.
      if (!w.ok) throw new Error(`amqp: ${w.error.message}`);
      return w.value;
    },
    apply: (w, c) =>
      c.type === 'next-entry'
        ? runUntilNextEntry(
            w.trace,
            () => w.queue.length > 0,
            () => applyAmqpCommand(w, { type: 'step' }),
            nextEntryTasksMax,
          )
        : applyAmqpCommand(w, c),
    clone: cloneAmqpWorld,
    nowMs: (w) => w.nowMs,
    nextAtMs: (w) => nextTaskAtMs(w),
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeAmqpEntry,
  entryNodes,
  route,
};
