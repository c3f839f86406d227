/**
 * The idempotent consumer in the app: its view (deliveries, the dedup store, SMS sent and
 * duplicates), topology, node actions and the playground's scenarios. It has no panel of its own:
 * the shared State tab draws its sections.
 */
import {
  idempotentConsumerModel,
  type IdempotentConsumerCommand,
  type IdempotentConsumerEntry,
  type IdempotentConsumerScenario,
  type IdempotentConsumerWorld,
} from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { idempotentActions } from './idempotent-actions.ts';
import { idempotentTopology, idempotentWorkbenchView } from './idempotent-view.ts';

export const idempotentConsumerUi: ModelUi<
  IdempotentConsumerScenario,
  IdempotentConsumerWorld,
  IdempotentConsumerCommand,
  IdempotentConsumerEntry
> = {
  model: idempotentConsumerModel,
  scenarios: [
    { id: 'with-dedup', title: 'With a dedup store: deliver an event, redeliver it, one SMS', raw: { dedup: true } },
    { id: 'without-dedup', title: 'Without a dedup store: every redelivery sends another SMS', raw: { dedup: false } },
    {
      id: 'short-retention',
      title: 'A two-second memory: a copy that arrives after its id expired is applied again',
      raw: { dedup: true, retentionMs: 2000 },
    },
  ],
  view: idempotentWorkbenchView,
  topology: (w) => idempotentTopology(w),
  actions: (w, node) => idempotentActions(w, node),
  panels: [],
  checkpointEvery: 64,
};
