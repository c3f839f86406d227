/**
 * The canonical text decides what the registry calls "the same schema": Avro's Schema.toString().
 */
import { describe, expect, it } from 'vitest';
import { canonicalString } from './canonical.ts';
import { parseAvroSchema } from './parse.ts';

function canon(json: unknown): string {
  const r = parseAvroSchema(json);
  if (!r.ok) throw new Error(r.reason);
  return canonicalString(r.schema);
}

describe('canonical text', () => {
  it('ignores key order, whitespace, {"type": T} for T, an inherited namespace and a repeated definition', () => {
    const a = {
      type: 'record',
      name: 'Order',
      namespace: 'shop',
      fields: [
        { name: 'money', type: { type: 'fixed', name: 'Cents', size: 8 } },
        { name: 'refund', type: 'Cents' },
        { name: 'n', type: 'int' },
      ],
    };
    const b = {
      fields: [
        { type: { size: 8, name: 'shop.Cents', type: 'fixed', namespace: 'shop' }, name: 'money' },
        { name: 'refund', type: 'shop.Cents' },
        { name: 'n', type: { type: 'int' } },
      ],
      name: 'shop.Order',
      type: 'record',
    };
    expect(canon(b)).toBe(canon(a));
    expect(canon(a)).toBe(
      '{"type":"record","name":"Order","namespace":"shop","fields":[{"name":"money","type":{"type":"fixed","name":"Cents","size":8}},{"name":"refund","type":"Cents"},{"name":"n","type":"int"}]}',
    );
  });

  it('keeps doc, defaults, aliases, order and custom properties, which make a different schema', () => {
    const base = { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] };
    const variants = [
      { ...base, doc: 'x' },
      { ...base, fields: [{ name: 'a', type: 'int', default: 1 }] },
      { ...base, fields: [{ name: 'a', type: 'int', aliases: ['b'] }] },
      { ...base, fields: [{ name: 'a', type: 'int', order: 'descending' }] },
      { ...base, fields: [{ name: 'a', type: { type: 'int', logicalType: 'date' } }] },
      { ...base, aliases: ['Old'] },
    ];
    const texts = new Set([canon(base), ...variants.map(canon)]);
    expect(texts.size).toBe(variants.length + 1);
  });

  it('writes a namespace "" for a type leaving an enclosing namespace', () => {
    const s = {
      type: 'record',
      name: 'R',
      namespace: 'ns',
      fields: [{ name: 'e', type: { type: 'enum', name: 'E', namespace: '', symbols: ['A'] } }],
    };
    expect(canon(s)).toContain('{"type":"enum","name":"E","namespace":"","symbols":["A"]}');
  });
});
