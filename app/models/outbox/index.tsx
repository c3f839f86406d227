/**
 * Dual write vs the transactional outbox in the app: its view (the orders and outbox tables, the
 * relay's position, the broker's records, what the consumer applied and skipped), topology, node
 * actions and the playground's scenarios. It has no panel of its own: the shared State tab draws
 * its sections.
 */
import {
  outboxModel,
  type OutboxCommand,
  type OutboxEntry,
  type OutboxScenario,
  type OutboxWorld,
} from '../../../simulator/index.ts';
import type { ModelUi } from '../types.ts';
import { outboxActions } from './outbox-actions.ts';
import { OutboxControls } from './OutboxControls.tsx';
import { outboxTopology, outboxWorkbenchView } from './outbox-view.ts';

export const outboxUi: ModelUi<OutboxScenario, OutboxWorld, OutboxCommand, OutboxEntry> = {
  model: outboxModel,
  scenarios: [
    {
      id: 'dual-write-crash',
      title: 'Dual write: the service crashes between its two writes and the event is lost',
      raw: { mode: 'dual-write', faults: [{ kind: 'service-crash-between-writes' }] },
    },
    {
      id: 'outbox-cdc-relay-crash',
      title: 'Outbox + CDC: the relay crashes after publishing, publishes again, the consumer applies once',
      raw: { mode: 'outbox-cdc', faults: [{ kind: 'relay-crash-after-publish' }] },
    },
    {
      id: 'outbox-polling-no-dedup',
      title: 'Polling outbox without a dedup store: a relay crash makes the consumer apply an event twice',
      raw: { mode: 'outbox-polling', consumerDedup: false, faults: [{ kind: 'relay-crash-after-publish' }] },
    },
  ],
  view: outboxWorkbenchView,
  topology: (w) => outboxTopology(w),
  actions: (w, node) => outboxActions(w, node),
  panels: [],
  checkpointEvery: 64,
  Controls: OutboxControls,
};
