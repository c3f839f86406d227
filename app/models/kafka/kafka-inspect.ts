/**
 * The inspector's words for what Kafka's panels select — a partition, a record, a consumer group —
 * and the facts Kafka adds about a node (the groups a consumer belongs to and what it owns).
 */
import type { NodeId } from '../../../simulator/index.ts';
import { fact, missing, type Fact, type Inspection, type InspectTarget } from '../../workbench/panels/inspect.ts';
import { formatCount, groupHeading, lagText, ownsText, plural, statusBadge } from '../../workbench/panels/labels.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { kafkaPanels } from './kafka-view.ts';
import { isAboveHighWatermark } from './panels/strip-geometry.ts';

/** Kafka's selectable things, as inspector targets. */
export const kafkaTarget = {
  partition: (id: string): InspectTarget => ({ kind: 'model', what: 'partition', id }),
  record: (partitionId: string, offset: number): InspectTarget => ({
    kind: 'model',
    what: 'record',
    id: partitionId,
    at: offset,
  }),
  group: (id: string): InspectTarget => ({ kind: 'model', what: 'group', id }),
};

export function inspectKafka(view: WorkbenchView, target: InspectTarget): Inspection | undefined {
  if (target.kind !== 'model') return undefined;
  const { partitions, groups } = kafkaPanels(view);
  switch (target.what) {
    case 'partition': {
      const p = partitions.find((x) => x.id === target.id);
      if (!p) return missing(target.id, `Partition ${target.id}`);
      const facts = [
        fact('Topic', `${p.topic}, partition ${p.partition}`),
        fact('Leader', p.leader ?? 'none (the partition is offline)'),
        fact('In-sync replicas', p.isr.length > 0 ? p.isr.join(', ') : 'none'),
        fact('Log start offset', `${formatCount(p.logStartOffset)} — the oldest record still kept`),
        fact('High watermark', `${formatCount(p.highWatermark)} — consumers can read records below this`),
        fact('Log-end offset', `${formatCount(p.logEndOffset)} — the next record will get this offset`),
        fact('Not yet replicated', plural(Math.max(0, p.logEndOffset - p.highWatermark), 'record')),
        fact(
          'Log segments',
          `${plural(p.segmentCount, 'segment')}; the active one starts at offset ${formatCount(p.activeSegmentBase)}`,
        ),
        ...p.pointers.map((ptr) =>
          fact(
            `Group ${ptr.label}`,
            ptr.offset === null
              ? 'no committed offset yet; lag unknown'
              : `committed ${formatCount(ptr.offset)}; ${lagText(ptr.lag)}`,
          ),
        ),
      ];
      return { found: true, kind: 'Partition', title: p.id, facts, raw: p };
    }
    case 'record': {
      const p = partitions.find((x) => x.id === target.id);
      const offset = target.at ?? -1;
      const cell = p?.cells.find((c) => c.offset === offset);
      const title = `${target.id} offset ${formatCount(offset)}`;
      if (!p || !cell) return missing(title, `Record ${title}`);
      const above = isAboveHighWatermark(p, cell.offset);
      const facts = [
        fact('Partition', p.id),
        fact('Offset', formatCount(cell.offset)),
        fact('Key', cell.key ?? 'no key'),
        fact(
          'Replication',
          above
            ? 'on the leader only, at or above the high watermark — consumers cannot read it yet'
            : 'on every in-sync replica, below the high watermark — consumers can read it',
        ),
        ...p.pointers.map((ptr) =>
          fact(
            `Group ${ptr.label}`,
            ptr.offset !== null && ptr.offset > cell.offset ? 'has committed past it' : 'has not committed past it yet',
          ),
        ),
      ];
      return { found: true, kind: 'Record', title, facts, raw: { partition: p.id, ...cell } };
    }
    case 'group': {
      const g = groups.find((x) => x.id === target.id);
      if (!g) return missing(target.id, `Group ${target.id}`);
      const facts = [
        fact('Phase', groupHeading(g)),
        fact('Lag', lagText(g.lag)),
        fact('Members', g.members.length === 0 ? 'none' : plural(g.members.length, 'consumer')),
        ...g.members.map((m) => fact(m.consumer, `${statusBadge(m.status).word}; ${ownsText(m.partitions)}`)),
      ];
      return { found: true, kind: 'Consumer group', title: g.id, facts, raw: g };
    }
    default:
      return undefined;
  }
}

/** The groups a consumer node belongs to, with what it owns in each. */
export function kafkaNodeFacts(view: WorkbenchView, node: NodeId): Fact[] {
  const memberships = kafkaPanels(view).groups.flatMap((g) =>
    g.members.filter((m) => m.node === node).map((m) => `${g.id} (${ownsText(m.partitions)})`),
  );
  return memberships.length > 0 ? [fact('Member of', memberships.join('; '))] : [];
}
