/**
 * The idempotent consumer → what the workbench draws: the broker, the notification service, its
 * dedup store and the SMS gateway, left to right; sections for the deliveries (each event with how
 * often it arrived and how often its effect was applied), the dedup store (each remembered id and
 * until when) and the SMS sent per customer; counters for SMS sent and duplicates that got
 * through. Pure: it reads the world's tables and decides nothing.
 */
import { idempotentConsumerModel, idempotentNode, type IdempotentConsumerWorld } from '../../../simulator/index.ts';
import { formatCount as n, plural } from '../../workbench/panels/labels.ts';
import type { Topology } from '../../workbench/topology.ts';
import type { NodeView, SectionRow, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';

/** Broker → service → SMS gateway, with the dedup store beside the gateway. */
export function idempotentTopology(w: IdempotentConsumerWorld): Topology {
  const i = idempotentNode;
  const dedup = w.config.dedup ? `remembers ids for ${n(w.config.retentionMs)} ms` : 'switched off';
  return {
    nodes: [
      {
        id: i.broker,
        kind: 'broker',
        shape: 'topic',
        label: 'broker',
        detail: 'OrderShipped, at least once',
        position: { x: 0, y: 0 },
      },
      {
        id: i.consumer,
        kind: 'service',
        shape: 'consumer',
        label: 'notification service',
        detail: 'one SMS per event',
        position: { x: 300, y: 0 },
      },
      {
        id: i.sms,
        kind: 'gateway',
        shape: 'service',
        label: 'SMS gateway',
        detail: 'sends what it is asked to',
        position: { x: 600, y: 0 },
      },
      { id: i.dedup, kind: 'dedup store', shape: 'store', label: 'dedup store', detail: dedup, position: { x: 600, y: 140 } },
    ],
    edges: [
      { id: `e:${i.broker}->${i.consumer}`, source: i.broker, target: i.consumer, label: 'deliveries and redeliveries' },
      { id: `e:${i.consumer}->${i.sms}`, source: i.consumer, target: i.sms, label: 'one SMS per applied event' },
      {
        id: `e:${i.consumer}->${i.dedup}`,
        source: i.consumer,
        target: i.dedup,
        label: 'applied event ids, checked before the effect',
      },
    ],
  };
}

/** Effects applied beyond the first, over all events: the SMS a customer should not have had. */
export function duplicatesApplied(w: IdempotentConsumerWorld): number {
  return Object.values(w.appliedTimes).reduce((sum, t) => sum + Math.max(0, t - 1), 0);
}

function deliveriesSection(w: IdempotentConsumerWorld): ViewSection {
  const rows: SectionRow[] = Object.entries(w.events).map(([eventId, ev]) => {
    const applied = w.appliedTimes[eventId] ?? 0;
    const [status, word] =
      applied > 1
        ? (['error', `applied ${n(applied)} times`] as const)
        : applied === 1
          ? (['ok', 'applied once'] as const)
          : (['busy', 'in flight'] as const);
    return {
      label: eventId,
      status,
      statusWord: word,
      detail: `for ${ev.customerId} · ${plural(ev.deliveries, 'delivery', 'deliveries')}`,
      nodeId: idempotentNode.consumer,
    };
  });
  return { id: 'deliveries', title: 'Deliveries', rows };
}

function dedupSection(w: IdempotentConsumerWorld): ViewSection {
  if (!w.config.dedup) return { id: 'dedup', title: 'Dedup store', summary: 'switched off: every copy is applied', rows: [] };
  const rows: SectionRow[] = Object.entries(w.store.expiresAtMs).map(([eventId, until]) => ({
    label: eventId,
    status: 'ok',
    statusWord: 'remembered',
    detail: `until ${n(until)} ms`,
    nodeId: idempotentNode.dedup,
  }));
  return { id: 'dedup', title: 'Dedup store', summary: `keeps an id for ${n(w.config.retentionMs)} ms`, rows };
}

function smsSection(w: IdempotentConsumerWorld): ViewSection {
  const duplicates: Record<string, number> = {};
  for (const [eventId, ev] of Object.entries(w.events))
    duplicates[ev.customerId] = (duplicates[ev.customerId] ?? 0) + Math.max(0, (w.appliedTimes[eventId] ?? 0) - 1);
  const rows: SectionRow[] = Object.entries(w.smsSentByCustomer).map(([customer, sent]) => ({
    label: customer,
    status: (duplicates[customer] ?? 0) > 0 ? 'error' : 'ok',
    statusWord: plural(sent, 'SMS', 'SMS'),
    detail: (duplicates[customer] ?? 0) > 0 ? `${plural(duplicates[customer]!, 'duplicate')}` : 'no duplicate',
    nodeId: idempotentNode.sms,
  }));
  return { id: 'sms', title: 'SMS sent', rows };
}

/** The whole view of an idempotent-consumer world. */
export function idempotentWorkbenchView(w: IdempotentConsumerWorld): WorkbenchView {
  const i = idempotentNode;
  const counts = w.trace.counts;
  const deliveries = Object.values(w.events).reduce((sum, e) => sum + e.deliveries, 0);
  const sent = Object.values(w.smsSentByCustomer).reduce((sum, k) => sum + k, 0);
  const remembered = Object.keys(w.store.expiresAtMs).length;
  const busy = w.queue.some((t) => t.type === 'process');
  const nodes: NodeView[] = [
    {
      id: i.broker,
      status: w.queue.some((t) => t.type === 'arrive') ? 'busy' : 'ok',
      detail: `${plural(deliveries, 'delivery', 'deliveries')} of ${plural(Object.keys(w.events).length, 'event')}`,
    },
    {
      id: i.consumer,
      status: busy ? 'busy' : 'ok',
      detail: `${n(counts['event-applied'] ?? 0)} applied · ${n(counts['duplicate-skipped'] ?? 0)} skipped`,
    },
    {
      id: i.dedup,
      status: w.config.dedup ? 'ok' : 'offline',
      detail: w.config.dedup ? `${plural(remembered, 'id')} remembered` : 'switched off',
    },
    {
      id: i.sms,
      status: duplicatesApplied(w) > 0 ? 'error' : 'ok',
      detail: `${plural(sent, 'SMS', 'SMS')} sent · ${plural(duplicatesApplied(w), 'duplicate')}`,
    },
  ];
  return {
    nowMs: w.nowMs,
    nodes,
    entries: recentEntryViews(idempotentConsumerModel, w, w.trace.entries),
    counters: [
      { label: 'deliveries', value: deliveries },
      { label: 'SMS sent', value: sent },
      { label: 'duplicates skipped', value: counts['duplicate-skipped'] ?? 0 },
      { label: 'duplicate SMS', value: duplicatesApplied(w) },
      { label: 'ids forgotten', value: counts['dedup-entry-expired'] ?? 0 },
    ],
    sections: [deliveriesSection(w), dedupSection(w), smsSection(w)],
  };
}
