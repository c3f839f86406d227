/**
 * Two-phase commit in the app: its view (each transaction's votes, the decision in the log, who is
 * blocked holding which locks), topology, node actions, control forms and the playground's scenarios. It has no
 * panel of its own: the shared State tab draws its sections.
 */
import {
  twoPhaseCommitModel,
  type TpcCommand,
  type TpcEntry,
  type TpcScenario,
  type TpcWorld,
} from '../../../simulator/index.ts';
import { TpcControls } from './TpcControls.tsx';
import type { ModelUi } from '../types.ts';
import { tpcActions } from './tpc-actions.ts';
import { tpcTopology, tpcWorkbenchView } from './tpc-view.ts';

export const twoPhaseCommitUi: ModelUi<TpcScenario, TpcWorld, TpcCommand, TpcEntry> = {
  model: twoPhaseCommitModel,
  scenarios: [
    { id: 'three-databases', title: 'Three databases: begin at the coordinator, plant a NO vote or a crash', raw: {} },
    {
      id: 'quick-to-block',
      title: 'Quick to feel blocked: participants give up waiting after 100 ms (crash the coordinator after the votes)',
      raw: { decisionTimeoutMs: 100 },
    },
    {
      id: 'two-databases-slow-network',
      title: 'Two databases over a slow network: a window between the votes and the decision you can see',
      raw: { participants: ['orders-db', 'payments-db'], networkDelayMsMin: 40, networkDelayMsMax: 80, voteTimeoutMs: 500 },
    },
  ],
  view: tpcWorkbenchView,
  topology: (w) => tpcTopology(w),
  actions: (w, node) => tpcActions(w, node),
  panels: [],
  checkpointEvery: 64,
  Controls: TpcControls,
};
