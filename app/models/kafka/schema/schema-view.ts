/**
 * How the registry shows in the Kafka workbench outside its own panel: a producer's node says which
 * subject version it writes (or that the registry refused it), a consumer's node which reader
 * schema its group uses and where it stopped, and strip cells carry the groups that could not read
 * them. kafka-view.ts calls these; the Schemas panel reads `KafkaSchemaView` itself.
 */
import type { AvroSchema, KafkaSchemaView, NodeId } from '../../../../simulator/index.ts';
import { kafkaNode } from '../../../../simulator/index.ts';
import type { NodeView } from '../../../workbench/view.ts';
import type { PartitionView } from '../kafka-view-types.ts';

/** A schema's short name: the record's name and its field names (`OrderPlaced {orderId, userId, total}`). */
export function schemaLabel(schema: AvroSchema | null): string {
  if (schema === null) return 'no schema';
  if (typeof schema === 'string') return schema;
  if (Array.isArray(schema)) return 'a union';
  const o = schema as { name?: unknown; fields?: unknown };
  const fields = Array.isArray(o.fields)
    ? o.fields.map((f) => (typeof f === 'object' && f !== null && 'name' in f ? String((f as { name: unknown }).name) : '?'))
    : null;
  const name = typeof o.name === 'string' ? o.name : String((o as { type?: unknown }).type ?? 'schema');
  return fields === null ? name : `${name} {${fields.join(', ')}}`;
}

/** The registry version of a schema a producer writes with: `orders-value v2 (id 2)`. */
function producerNote(p: KafkaSchemaView['producers'][number]): string {
  if (p.error !== null) return 'schema refused: publishes nothing';
  if (p.schemaId === null) return `writes ${p.subject} (not registered yet)`;
  return `writes ${p.subject} v${p.version} (id ${p.schemaId})`;
}

/** Adds the schema facts to producer and consumer nodes (a refused producer and a stopped consumer show an error). */
export function withSchemaNotes(nodes: NodeView[], view: KafkaSchemaView | null, consumerGroup: (id: string) => string): void {
  if (view === null) return;
  const byNode = new Map<NodeId, NodeView>();
  for (const n of nodes) byNode.set(n.id, n);
  for (const p of view.producers) {
    const n = byNode.get(kafkaNode.producer(p.producer));
    if (n === undefined) continue;
    n.detail = `${n.detail} · ${producerNote(p)}`;
    if (p.error !== null) n.status = 'error';
  }
  const groups = new Map(view.groups.map((g) => [g.group, g]));
  for (const n of nodes) {
    if (!n.id.startsWith('consumer')) continue;
    const g = groups.get(consumerGroup(n.id));
    if (g === undefined || g.schema === null) continue;
    const stopped = g.stopped[0];
    n.detail = `${n.detail} · reads ${schemaLabel(g.schema)}${stopped ? ` · cannot read ${stopped.partition}@${stopped.offset}` : ''}`;
    if (stopped !== undefined) {
      n.status = 'error';
      // The card shows its short line (partition chips carry the rest): the stop goes there too.
      const note = `cannot read ${stopped.partition}@${stopped.offset}`;
      if (n.cardDetail !== undefined) n.cardDetail = n.cardDetail ? `${n.cardDetail} · ${note}` : note;
    }
  }
}

/** Marks the strip cells some group could not read. */
export function markUnreadable(partitions: PartitionView[], view: KafkaSchemaView | null): void {
  if (view === null || view.unreadable.length === 0) return;
  const by = new Map<string, Map<number, string[]>>();
  for (const u of view.unreadable) {
    let p = by.get(u.partition);
    if (p === undefined) by.set(u.partition, (p = new Map()));
    const groups = p.get(u.offset) ?? [];
    if (!groups.includes(u.group)) groups.push(u.group);
    p.set(u.offset, groups);
  }
  for (const part of partitions) {
    const marks = by.get(part.id);
    if (marks === undefined) continue;
    part.cells = part.cells.map((c) => {
      const groups = marks.get(c.offset);
      return groups === undefined ? c : { ...c, unreadableBy: groups };
    });
  }
}
