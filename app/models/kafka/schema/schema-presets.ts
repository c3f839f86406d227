/**
 * Schemas a learner can start from in the schema editor: every version in the registry, the schema
 * each producer writes and each group reads with, and the OrderPlaced versions of the migration
 * stories (optional fields, the rename, the transitional version, the alias), labelled in words.
 */
import type { AvroSchema, KafkaSchemaView } from '../../../../simulator/index.ts';
import { schemaLabel } from './schema-view.ts';

export interface SchemaPreset {
  label: string;
  schema: AvroSchema;
}

const orderPlaced = (fields: object[]): AvroSchema => ({ type: 'record', name: 'OrderPlaced', namespace: 'shop.orders', fields });
const ID = [
  { name: 'orderId', type: 'string' },
  { name: 'userId', type: 'string' },
];
const TOTAL = { name: 'total', type: 'double' };
const OPTIONAL = [
  { name: 'currency', type: 'string', default: 'EUR' },
  { name: 'discountCode', type: ['null', 'string'], default: null },
];

/** The migration stories' OrderPlaced versions. */
export const ORDER_PLACED_PRESETS: readonly SchemaPreset[] = [
  { label: 'OrderPlaced v1 {orderId, userId, total}', schema: orderPlaced([...ID, TOTAL]) },
  { label: 'OrderPlaced v2: adds optional currency and discountCode', schema: orderPlaced([...ID, TOTAL, ...OPTIONAL]) },
  { label: 'OrderPlaced with total renamed to subtotal', schema: orderPlaced([...ID, { name: 'subtotal', type: 'double' }]) },
  {
    label: 'OrderPlaced, transitional: total and subtotal (with a default)',
    schema: orderPlaced([...ID, TOTAL, { name: 'subtotal', type: 'double', default: 0 }]),
  },
  {
    label: 'OrderPlaced reader: subtotal with the alias total',
    schema: orderPlaced([...ID, { name: 'subtotal', type: 'double', aliases: ['total'] }]),
  },
];

/** Every schema of the run, then the stories' versions; one entry per distinct text. */
export function presetsFor(view: KafkaSchemaView): SchemaPreset[] {
  const out: SchemaPreset[] = [];
  const seen = new Set<string>();
  const add = (label: string, schema: AvroSchema): void => {
    const key = JSON.stringify(schema);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ label, schema });
  };
  for (const s of view.subjects)
    for (const v of s.versions) add(`${s.subject} v${v.version} (id ${v.id}): ${schemaLabel(v.schema)}`, v.schema);
  for (const p of view.producers) add(`producer ${p.producer} writes: ${schemaLabel(p.schema)}`, p.schema);
  for (const g of view.groups) if (g.schema !== null) add(`group ${g.group} reads: ${schemaLabel(g.schema)}`, g.schema);
  for (const p of ORDER_PLACED_PRESETS) add(p.label, p.schema);
  return out;
}

/** Where a JSON.parse error is, in words a learner can find: "line 3, column 5". */
export function jsonErrorMessage(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  if (m === null) return `This is not valid JSON: ${message}`;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const plain = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  return `This is not valid JSON (line ${line}, column ${column}): ${plain}.`;
}
