/**
 * The event-sourced bank behind the model contract (simulator/core/model.ts): its schemas, its
 * run (the clock, `next-entry`, End), one sentence per trace entry, and the nodes each entry
 * touches or moves something between — commands to an account's aggregate, the aggregate to its
 * stream and snapshots, `$all` to each projection.
 */
import type { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { BankCommandSchema, BankScenarioSchema, type BankCommand, type BankScenario } from './bank-commands.ts';
import { applyBankCommand, cloneBank, createBank, type BankState } from './bank-model.ts';
import { bankNode } from './bank-reads.ts';
import { describeEsEntry } from './describe.ts';
import type { EsTraceEntry } from './trace-entries.ts';

function entryNodes(e: EsTraceEntry): NodeId[] {
  const n = bankNode;
  switch (e.type) {
    case 'event-appended':
    case 'append-rejected':
    case 'append-idempotent':
      return [n.aggregate(e.stream), n.stream(e.stream), n.store];
    case 'snapshot-saved':
      return [n.aggregate(e.stream), n.snapshots(e.stream)];
    case 'aggregate-loaded':
      return e.snapshotRevision >= 0
        ? [n.aggregate(e.stream), n.snapshots(e.stream), n.stream(e.stream)]
        : [n.aggregate(e.stream), n.stream(e.stream)];
    case 'projection-updated':
      return [n.store, n.projection(e.projectionId)];
    case 'projection-reset':
    case 'projection-rebuilt':
      return [n.projection(e.projectionId)];
    case 'subscription-caught-up':
      return [n.projection(e.subscriberId)];
    case 'subscription-delivered':
      return [n.store];
  }
}

function route(e: EsTraceEntry): EntryRoute | undefined {
  const n = bankNode;
  switch (e.type) {
    case 'event-appended':
    case 'append-rejected':
    case 'append-idempotent':
      return { from: n.aggregate(e.stream), to: n.stream(e.stream) };
    case 'snapshot-saved':
      return { from: n.aggregate(e.stream), to: n.snapshots(e.stream) };
    case 'aggregate-loaded':
      return { from: n.stream(e.stream), to: n.aggregate(e.stream) };
    case 'projection-updated':
      return { from: n.store, to: n.projection(e.projectionId) };
    case 'subscription-delivered':
      return { from: n.store, to: n.projection(e.subscriberId) };
    default:
      return undefined;
  }
}

export const eventStoreModel: SimModel<BankScenario, BankState, BankCommand, EsTraceEntry> = {
  id: 'eventstore',
  title: 'Event store (an event-sourced bank)',
  scenarioSchema: BankScenarioSchema as z.ZodType<BankScenario>,
  commandSchema: BankCommandSchema as z.ZodType<BankCommand>,
  loadScenario: (input) =>
    parseWithSchema(BankScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario') as Result<BankScenario>,
  loadCommand: (input) => parseWithSchema(BankCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<BankCommand>,
  run: (scenario) => ({
    init: (seed) => createBank(scenario, seed),
    apply: applyBankCommand,
    clone: cloneBank,
    nowMs: (s) => s.world.nowMs,
    nextAtMs: (s) => nextTaskAtMs(s.world),
    trace: (s) => s.world.trace,
    stepCommand: nextEntryCommand,
    endCommand: (s) => (s.world.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeEsEntry,
  entryNodes,
  route,
};
