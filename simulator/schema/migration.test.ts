/**
 * The seeds' migration story for OrderPlaced, asserted against the real rules: v1 → v2 adds two
 * optional fields with defaults (backward and forward compatible: old and new consumers read each
 * other's records); renaming `total` to `subtotal` breaks BACKWARD; an alias on the reader fixes
 * reading; the transitional version that carries both fields is compatible both ways.
 */
import { describe, expect, it } from 'vitest';
import { parseAvroSchema } from './parse.ts';
import { createDatumReader } from './resolve-datum.ts';
import { checkAvroCompatibility, checkRegistryCompatibility } from './surface.ts';
import type { AvroSchema, SchemaNode } from './types.ts';

const orderPlaced = (fields: object[]): AvroSchema => ({ type: 'record', name: 'OrderPlaced', namespace: 'shop.orders', fields });
const ID = [
  { name: 'orderId', type: 'string' },
  { name: 'userId', type: 'string' },
];
const V1 = orderPlaced([...ID, { name: 'total', type: 'double' }]);
const OPTIONAL = [
  { name: 'currency', type: 'string', default: 'EUR' },
  { name: 'discountCode', type: ['null', 'string'], default: null },
];
const V2 = orderPlaced([...ID, { name: 'total', type: 'double' }, ...OPTIONAL]);
const RENAMED = orderPlaced([...ID, { name: 'subtotal', type: 'double' }, ...OPTIONAL]);
const RENAMED_WITH_ALIAS = orderPlaced([...ID, { name: 'subtotal', type: 'double', aliases: ['total'] }, ...OPTIONAL]);
const TRANSITIONAL = orderPlaced([
  ...ID,
  { name: 'total', type: 'double' },
  { name: 'subtotal', type: 'double', default: 0 },
  ...OPTIONAL,
]);

function node(s: AvroSchema): SchemaNode {
  const r = parseAvroSchema(s);
  if (!r.ok) throw new Error(r.reason);
  return r.schema;
}

const v1Record = { orderId: 'o-1', userId: 'u-7', total: 42.5 };
const v2Record = { orderId: 'o-2', userId: 'u-7', total: 10, currency: 'USD', discountCode: 'WINTER' };

describe('OrderPlaced v1 → v2: two optional fields with defaults', () => {
  it('is accepted under BACKWARD, FORWARD and FULL', () => {
    for (const level of ['BACKWARD', 'FORWARD', 'FULL', 'FULL_TRANSITIVE'] as const)
      expect(checkRegistryCompatibility(level, [V1], V2)).toEqual({ compatible: true, messages: [] });
  });

  it('an old consumer (reader v1) reads v2 records: the new fields are skipped', () => {
    expect(createDatumReader(node(V2), node(V1)).read(v2Record)).toEqual({
      ok: true,
      value: { orderId: 'o-2', userId: 'u-7', total: 10 },
    });
  });

  it('a new consumer (reader v2) reads v1 records: the defaults fill the new fields', () => {
    expect(createDatumReader(node(V1), node(V2)).read(v1Record)).toEqual({
      ok: true,
      value: { orderId: 'o-1', userId: 'u-7', total: 42.5, currency: 'EUR', discountCode: null },
    });
  });

  it('without defaults the same change breaks BACKWARD, naming both fields', () => {
    const noDefaults = orderPlaced([
      ...ID,
      { name: 'total', type: 'double' },
      { name: 'currency', type: 'string' },
      { name: 'discountCode', type: ['null', 'string'] },
    ]);
    const r = checkRegistryCompatibility('BACKWARD', [V1], noDefaults);
    expect(r.compatible).toBe(false);
    expect(r.messages.map((m) => m.match(/READER_FIELD_MISSING_DEFAULT_VALUE at (\/fields\/\d)/)?.[1])).toEqual([
      '/fields/3',
      '/fields/4',
    ]);
    // Forward is still fine: old consumers skip fields they do not know.
    expect(checkRegistryCompatibility('FORWARD', [V1], noDefaults).compatible).toBe(true);
  });
});

describe('renaming total to subtotal', () => {
  it('breaks BACKWARD: the new reader has no value and no default for subtotal', () => {
    const r = checkRegistryCompatibility('BACKWARD', [V2], RENAMED);
    expect(r.compatible).toBe(false);
    expect(r.messages).toEqual([
      expect.stringMatching(
        /^BACKWARD: the new schema cannot read data written with version 1: READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/2: the field 'subtotal'/,
      ),
    ]);
  });

  it('breaks FORWARD too: old consumers find no total in new records', () => {
    expect(checkRegistryCompatibility('FORWARD', [V2], RENAMED).messages[0]).toMatch(
      /READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/2: the field 'total' in the old schema/,
    );
    const read = createDatumReader(node(RENAMED), node(V2)).read({
      orderId: 'o-3',
      userId: 'u-7',
      subtotal: 10,
      currency: 'USD',
      discountCode: null,
    });
    expect(read).toMatchObject({ ok: false, error: { code: 'SCHEMA_DATUM_UNREADABLE' } });
    if (!read.ok) expect(read.error.message).toMatch(/missing required field total/);
  });

  it('an alias on the reader makes it BACKWARD compatible and reads old total as subtotal', () => {
    expect(checkRegistryCompatibility('BACKWARD', [V2], RENAMED_WITH_ALIAS)).toEqual({ compatible: true, messages: [] });
    expect(createDatumReader(node(V2), node(RENAMED_WITH_ALIAS)).read(v2Record)).toEqual({
      ok: true,
      value: { orderId: 'o-2', userId: 'u-7', subtotal: 10, currency: 'USD', discountCode: 'WINTER' },
    });
    // The alias does not help old consumers: FORWARD still breaks.
    expect(checkRegistryCompatibility('FORWARD', [V2], RENAMED_WITH_ALIAS).compatible).toBe(false);
  });

  it('the transitional version publishing both fields is compatible both ways', () => {
    expect(checkRegistryCompatibility('FULL_TRANSITIVE', [V1, V2], TRANSITIONAL).compatible).toBe(true);
    expect(checkAvroCompatibility(V2, TRANSITIONAL).compatible).toBe(true);
  });
});
