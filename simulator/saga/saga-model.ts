/**
 * The orchestrated order saga behind the model contract (simulator/core/model.ts): its schemas,
 * its run, one sentence per trace entry, and the nodes each entry touches or moves a message
 * between (the orchestrator and the four services).
 */
import type { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { applySagaCommand, cloneSagaWorld, createOrchestratedSaga } from './orchestrated-saga.ts';
import { sagaNode } from './saga-reads.ts';
import { SagaCommandSchema, SagaScenarioSchema } from './saga-schemas.ts';
import { describeSagaEntry } from './saga-describe.ts';
import type { SagaCommand, SagaEntry, SagaOptions, SagaWorld } from './saga-types.ts';

/** How a saga lesson or playground run starts: the saga's options without the seed. */
export type SagaScenario = Omit<SagaOptions, 'seed'>;

function entryNodes(e: SagaEntry): NodeId[] {
  const out: NodeId[] = [];
  // A reply is about the orchestrator too: it is where the reply goes (see route).
  const toOrFromOrchestrator = ['command-sent', 'reply-sent', 'reply-ignored', 'step-timed-out'];
  if (
    e.type.startsWith('saga-') ||
    e.type === 'steps-reordered' ||
    e.type === 'steps-changed' ||
    e.type === 'compensation-changed' ||
    toOrFromOrchestrator.includes(e.type)
  )
    out.push(sagaNode.orchestrator);
  if ('service' in e) out.push(sagaNode.service(e.service));
  if (e.type === 'fault-injected') out.push(sagaNode.service(e.fault.service));
  return out;
}

function route(e: SagaEntry): EntryRoute | undefined {
  switch (e.type) {
    case 'command-sent':
      return { from: sagaNode.orchestrator, to: sagaNode.service(e.service) };
    case 'reply-sent':
      return { from: sagaNode.service(e.service), to: sagaNode.orchestrator };
    default:
      return undefined;
  }
}

export const sagaModel: SimModel<SagaScenario, SagaWorld, SagaCommand, SagaEntry> = {
  id: 'saga',
  title: 'Orchestrated saga',
  scenarioSchema: SagaScenarioSchema as z.ZodType<SagaScenario>,
  commandSchema: SagaCommandSchema as z.ZodType<SagaCommand>,
  loadScenario: (input) =>
    parseWithSchema(SagaScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario') as Result<SagaScenario>,
  loadCommand: (input) => parseWithSchema(SagaCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<SagaCommand>,
  run: (scenario) => ({
    init: (seed) => createOrchestratedSaga({ ...scenario, seed }),
    apply: applySagaCommand,
    clone: cloneSagaWorld,
    nowMs: (w) => w.nowMs,
    nextAtMs: nextTaskAtMs,
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeSagaEntry,
  entryNodes,
  route,
};
