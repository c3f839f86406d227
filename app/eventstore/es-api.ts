/**
 * The one place the app reaches into the event store and the lessons' bank driver, so the rest of
 * app/eventstore depends on a small surface that can move behind simulator/index.ts without
 * touching the adapter or the view.
 */
import { indexFor } from '../../simulator/eventstore/store-index.ts';
import { streamRevision } from '../../simulator/eventstore/store.ts';
import type { EventStoreState } from '../../simulator/eventstore/types.ts';

export {
  applyBankCommand,
  bankNodeIds,
  bankRead,
  cloneBank,
  createBank,
  type BankCommand,
  type BankScenario,
  type BankState,
  type LoadRecord,
} from '../../lessons/format/models/bank.ts';
export { bankModel } from '../../simulator/eventstore/demo-bank.ts';
export { esRun } from '../../simulator/eventstore/world.ts';
export { esAddProjection, esResetProjection } from '../../simulator/eventstore/subscription-commands.ts';
export { currentLag, type Subscriber } from '../../simulator/eventstore/subscriptions.ts';
export { allSize, eventAt, readStreamEvents, streamRevision } from '../../simulator/eventstore/store.ts';
export { nextTaskAtMs } from '../../simulator/core/world.ts';
export type { AsOf } from '../../simulator/eventstore/aggregates.ts';
export type { EsTraceEntry } from '../../simulator/eventstore/trace-entries.ts';
export type { RecordedEvent } from '../../simulator/eventstore/types.ts';

/**
 * The streams that hold events, in the order their first event was stored; system streams (`$…`,
 * e.g. stream metadata) are left out. Read from the store's index, which is a function of the log.
 */
export function streamNames(store: EventStoreState): string[] {
  const out: string[] = [];
  for (const name of indexFor(store).streams.keys()) {
    if (name.charCodeAt(0) !== 36 /* $ */ && streamRevision(store, name) >= 0) out.push(name);
  }
  return out;
}
