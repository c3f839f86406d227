/**
 * Dual write vs the transactional outbox → what the workbench draws: the customer, the order
 * service, its orders table (and outbox table), the relay, the broker and the consumer, left to
 * right in the direction an event travels; sections for the orders table, the outbox table, the
 * broker's records and the consumer; counters for what was lost, invented or duplicated. Pure:
 * loss, phantoms and duplicates are the simulator's (`outboxView`).
 */
import { outboxModel, outboxNode, outboxView, type OutboxWorld } from '../../../simulator/index.ts';
import { formatCount as n, plural } from '../../workbench/panels/labels.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../workbench/topology.ts';
import type { NodeStatus, NodeView, SectionRow, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';

const usesOutbox = (w: OutboxWorld): boolean => w.config.mode !== 'dual-write';

/** Left to right as an event travels; in dual write the service publishes itself, so no outbox or relay. */
export function outboxTopology(w: OutboxWorld): Topology {
  const o = outboxNode;
  const node = (
    id: TopologyNode['id'],
    kind: string,
    shape: TopologyNode['shape'],
    label: string,
    detail: string,
    x: number,
    y = 0,
  ): TopologyNode => ({
    id,
    kind,
    shape,
    label,
    detail,
    position: { x, y },
  });
  const edge = (source: TopologyNode['id'], target: TopologyNode['id'], label: string): TopologyEdge => ({
    id: `e:${source}->${target}`,
    source,
    target,
    label,
  });
  const nodes = [
    node(o.client, 'customer', 'producer', 'customer', 'places orders', 0),
    node(o.service, 'service', 'service', 'order service', w.config.mode, 220),
    node(o.database, 'table', 'database', 'orders table', 'the service’s own database', 440),
  ];
  const edges = [edge(o.client, o.service, 'order requests'), edge(o.service, o.database, 'the order row')];
  if (usesOutbox(w)) {
    const cdc = w.config.mode === 'outbox-cdc';
    nodes.push(node(o.outbox, 'table', 'database', 'outbox table', 'written in the same transaction', 440, 140));
    nodes.push(
      node(
        o.relay,
        'relay',
        'service',
        cdc ? 'CDC relay' : 'polling relay',
        cdc ? 'tails the write-ahead log' : `polls every ${n(w.config.pollIntervalMs)} ms`,
        660,
        70,
      ),
    );
    edges.push(edge(o.service, o.outbox, 'the event row, in the same transaction'));
    edges.push(edge(cdc ? o.database : o.outbox, o.relay, cdc ? 'the write-ahead log' : 'unsent outbox rows'));
    edges.push({ ...edge(o.relay, o.broker, 'published events, at least once'), down: true });
  } else {
    edges.push(edge(o.service, o.broker, 'the event, a second write after the first'));
  }
  // The broker is in the third column: with no relay it takes the relay's place; with a relay it sits
  // under it (the relay publishes downwards), so the service, its tables, the relay and the broker fit
  // a desk's pane at the readable zoom (with the broker in a fourth column they were 850 px wide).
  const brokerX = 660;
  const brokerY = usesOutbox(w) ? 230 : 0;
  nodes.push(node(o.broker, 'broker', 'topic', 'broker', 'order events', brokerX, brokerY));
  nodes.push(
    node(
      o.consumer,
      'consumer',
      'consumer',
      'consumer',
      w.config.consumerDedup ? 'with a dedup store' : 'no dedup store',
      brokerX + 220,
      brokerY,
    ),
  );
  edges.push(edge(o.broker, o.consumer, 'events; offsets committed back'));
  return { nodes, edges };
}

function runtimeStatus(up: boolean, busy: boolean): NodeStatus {
  return !up ? 'crashed' : busy ? 'busy' : 'ok';
}

function plantedWords(w: OutboxWorld, kind: string): string {
  const f = w.faults.find((x) => x.kind === kind && x.remaining > 0);
  return f ? ` · planted: ${kind.replaceAll('-', ' ')}${f.remaining > 1 ? ` ×${n(f.remaining)}` : ''}` : '';
}

function ordersSection(w: OutboxWorld, lost: ReadonlySet<string>, onBroker: ReadonlySet<string>): ViewSection {
  const rows: SectionRow[] = Object.entries(w.db.orders).map(([orderId, o]) => {
    const [status, word] = onBroker.has(o.eventId)
      ? (['ok', 'published'] as const)
      : lost.has(o.eventId)
        ? (['error', 'event lost'] as const)
        : (['busy', 'not yet published'] as const);
    return {
      label: orderId,
      status,
      statusWord: word,
      detail: `event ${o.eventId} · stored at ${n(o.createdAtMs)} ms`,
      nodeId: outboxNode.database,
    };
  });
  return { id: 'orders', title: 'Orders table', summary: plural(rows.length, 'order'), rows };
}

/** How far the relay has got: through the write-ahead log (CDC), or the outbox rows still unsent (polling). */
function relayPosition(w: OutboxWorld): string {
  if (w.config.mode === 'outbox-cdc') return `read the log up to ${n(w.relay.cdcOffset)} of ${n(w.db.wal.length)}`;
  return `${n(w.db.outbox.filter((r) => r.sentAtMs === undefined).length)} rows unsent`;
}

/**
 * One outbox row. The polling relay marks the rows it sent; a CDC relay never touches the table
 * (it reads the write-ahead log), so there a row says whether its event is on the broker yet and
 * where its insert sits in the log, not "unsent" for ever.
 */
function outboxRow(w: OutboxWorld, r: OutboxWorld['db']['outbox'][number]): SectionRow {
  if (w.config.mode === 'outbox-cdc') {
    const published = w.broker.some((b) => b.eventId === r.eventId && b.publisher === 'relay');
    const lsn = w.db.wal.find((e) => e.table === 'outbox' && e.key === r.eventId)?.lsn;
    return {
      label: r.eventId,
      status: published ? 'ok' : 'busy',
      statusWord: published ? 'published from the log' : 'in the log, not read yet',
      detail: `${r.orderId}${lsn === undefined ? '' : ` · log entry ${n(lsn)}`} · CDC marks no row`,
      nodeId: outboxNode.outbox,
    };
  }
  return {
    label: r.eventId,
    status: r.sentAtMs === undefined ? 'busy' : 'ok',
    statusWord: r.sentAtMs === undefined ? 'unsent' : 'sent',
    detail: `${r.orderId}${r.sentAtMs === undefined ? '' : ` · marked sent at ${n(r.sentAtMs)} ms`}`,
    nodeId: outboxNode.outbox,
  };
}

function outboxSection(w: OutboxWorld): ViewSection {
  const rows: SectionRow[] = w.db.outbox.map((r) => outboxRow(w, r));
  return { id: 'outbox', title: 'Outbox table', summary: `the relay has ${relayPosition(w)}`, rows };
}

function brokerSection(w: OutboxWorld): ViewSection {
  const rows: SectionRow[] = w.broker.map((r) => {
    const copy = w.broker.filter((x) => x.eventId === r.eventId && x.offset <= r.offset).length;
    const stored = Object.values(w.db.orders).some((o) => o.eventId === r.eventId);
    const read = r.offset < w.consumer.committedOffset;
    return {
      label: `offset ${n(r.offset)}`,
      status: copy > 1 ? 'slow' : read ? 'ok' : 'idle',
      statusWord: copy > 1 ? `copy ${n(copy)}` : read ? 'consumed' : 'not consumed',
      detail: `${r.eventId} for ${r.orderId} · by the ${r.publisher === 'relay' ? 'relay' : 'order service'}${stored ? '' : ' · no such order stored'}`,
      nodeId: outboxNode.broker,
    };
  });
  return { id: 'broker', title: 'Broker', summary: `consumer committed up to offset ${n(w.consumer.committedOffset)}`, rows };
}

function consumerSection(w: OutboxWorld): ViewSection {
  const rows: SectionRow[] = Object.entries(w.consumer.appliedTimes).map(([eventId, times]) => ({
    label: eventId,
    status: times > 1 ? 'error' : 'ok',
    statusWord: times > 1 ? `applied ${n(times)} times` : 'applied once',
    detail: w.config.consumerDedup ? 'remembered in the dedup store' : 'no dedup store',
    nodeId: outboxNode.consumer,
  }));
  const skipped = w.trace.counts['duplicate-skipped'] ?? 0;
  return {
    id: 'consumer',
    title: 'Consumer',
    summary: `${plural(rows.length, 'event')} applied · ${plural(skipped, 'duplicate')} skipped`,
    rows,
  };
}

/** The whole view of an outbox world. */
export function outboxWorkbenchView(w: OutboxWorld): WorkbenchView {
  const o = outboxNode;
  const v = outboxView(w);
  const lost = new Set(v.lostEventIds);
  const onBroker = new Set(w.broker.map((r) => r.eventId));
  const queued = (type: string) => w.queue.some((t) => t.type === type);
  const nodes: NodeView[] = [
    {
      id: o.client,
      status: Object.keys(w.requests).length > 0 ? 'ok' : 'idle',
      detail: `${plural(Object.keys(w.requests).length, 'order')} sent`,
    },
    {
      id: o.service,
      status: runtimeStatus(w.service.up, queued('service-handle') || queued('dual-write-second')),
      detail: `${w.service.up ? 'up' : 'down'}${plantedWords(w, 'service-crash-between-writes')}`,
    },
    { id: o.database, status: 'ok', detail: `${plural(v.ordersInDb, 'order')} · log at ${n(w.db.wal.length)}` },
    {
      id: o.broker,
      status: 'ok',
      detail: `${plural(w.broker.length, 'record')} · ${plural(v.eventsPublished, 'distinct event')}`,
    },
    {
      id: o.consumer,
      status: runtimeStatus(w.consumer.up, w.consumer.busy),
      detail: `offset ${n(w.consumer.committedOffset)} · ${plural(w.consumer.ordersCounted, 'effect')} applied${plantedWords(w, 'consumer-crash-before-commit')}`,
    },
  ];
  if (usesOutbox(w)) {
    nodes.push({
      id: o.outbox,
      status: v.outboxPending > 0 ? 'busy' : 'ok',
      detail: `${plural(w.db.outbox.length, 'row')} · ${n(v.outboxPending)} waiting`,
    });
    nodes.push({
      id: o.relay,
      status: runtimeStatus(w.relay.up, w.relay.wakeScheduled),
      detail: `${w.relay.up ? 'up' : 'down'} · ${relayPosition(w)}${plantedWords(w, 'relay-crash-after-publish')}`,
    });
  }
  return {
    nowMs: w.nowMs,
    nodes,
    entries: recentEntryViews(outboxModel, w, w.trace.entries),
    counters: [
      { label: 'orders stored', value: v.ordersInDb },
      { label: 'events published', value: v.eventsPublished },
      { label: 'events lost', value: v.lostEventIds.length },
      { label: 'phantom events', value: v.phantomEventIds.length },
      { label: 'duplicated on the broker', value: v.duplicatedOnBroker.length },
      { label: 'applied twice or more', value: v.appliedTwiceOrMore.length },
    ],
    sections: [
      ordersSection(w, lost, onBroker),
      ...(usesOutbox(w) ? [outboxSection(w)] : []),
      brokerSection(w),
      consumerSection(w),
    ],
  };
}
