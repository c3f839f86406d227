/**
 * The event-sourced bank in the app: its view, topology, node actions, its streams panel and the
 * inspector's words for events, and the scenarios the playground offers.
 */
import {
  eventStoreModel,
  type BankCommand,
  type BankScenario,
  type BankState,
  type EsTraceEntry,
} from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { bankActions } from './bank-actions.ts';
import { inspectBank } from './bank-inspect.ts';
import { bankTopology } from './bank-topology.ts';
import { bankView } from './bank-view.ts';
import { ConnectedStreamsPanel } from './StreamsPanel.tsx';
import { BankControls } from './BankControls.tsx';

export const eventStoreUi: ModelUi<BankScenario, BankState, BankCommand, EsTraceEntry> = {
  model: eventStoreModel,
  scenarios: [
    { id: 'bank', title: 'An event-sourced bank: open accounts from the commands node', raw: {} },
    { id: 'bank-snapshots', title: 'The same bank, saving a snapshot every 10 events', raw: { snapshotEveryEvents: 10 } },
    {
      id: 'bank-upcasting',
      title: 'Schema evolution: old Deposited v1 events lifted to v2 on read (upcaster)',
      raw: { legacyAccount: { stream: 'account-legacy', owner: 'Ada', amounts: [10, 25, 40] } },
    },
  ],
  view: bankView,
  topology: (s) => bankTopology(s),
  actions: (s, node) => bankActions(s, node),
  panels: [{ id: 'streams', label: 'Streams', render: (p) => <ConnectedStreamsPanel {...p} /> }],
  inspect: inspectBank,
  // Seeding thousands of events is one command: a checkpoint after every command keeps stepping
  // back instant (copies share the immutable store value and cost about 2 ms).
  checkpointEvery: 1,
  Controls: BankControls,
};
