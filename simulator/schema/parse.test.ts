/**
 * The parser refuses what Avro's Schema.Parser refuses, with the reason and where, and resolves
 * names (namespaces, forward and recursive references) as Avro does.
 */
import { describe, expect, it } from 'vitest';
import { parseAvroSchema } from './parse.ts';

function refusal(json: unknown): { reason: string; path: string } {
  const r = parseAvroSchema(json);
  if (r.ok) throw new Error(`expected a refusal for ${JSON.stringify(json)}`);
  return { reason: r.reason, path: r.path };
}

const rec = (fields: unknown[], extra: object = {}) => ({ type: 'record', name: 'R', fields, ...extra });

describe('schemas Avro refuses', () => {
  it.each([
    ['a bad record name', { type: 'record', name: '1abc', fields: [] }, /Name "1abc" is invalid/, '/'],
    [
      'a bad namespace part',
      { type: 'record', name: 'R', namespace: 'com.my-shop', fields: [] },
      /Namespace part "my-shop" is invalid/,
      '/',
    ],
    ['a name that is a primitive', { type: 'fixed', name: 'int', size: 1 }, /may not be named after primitives: int/, '/'],
    ['a missing name', { type: 'enum', symbols: ['A'] }, /No name/, '/'],
    ['a bad field name', rec([{ name: 'total-cents', type: 'int' }]), /Field name "total-cents" is invalid/, '/fields/0/name'],
    [
      'a duplicate field',
      rec([
        { name: 'a', type: 'int' },
        { name: 'a', type: 'long' },
      ]),
      /Duplicate field a in record R/,
      '/fields/1',
    ],
    ['a field without type', rec([{ name: 'a' }]), /No field type for field a/, '/fields/0'],
    ['a record without fields', { type: 'record', name: 'R' }, /Record has no fields/, '/'],
    ['an unknown type name', rec([{ name: 'a', type: 'Money' }]), /Undefined name: "Money"/, '/fields/0/type'],
    ['an unknown type keyword', { type: 'decimal' }, /Unknown type "decimal"/, '/type'],
    ['a number as schema', 42, /Schema not yet supported: 42/, '/'],
    [
      'an int default that is a string',
      rec([{ name: 'a', type: 'int', default: '0' }]),
      /Invalid default for field a/,
      '/fields/0/default',
    ],
    [
      'an int default out of range',
      rec([{ name: 'a', type: 'int', default: 2147483648 }]),
      /Invalid default for field a/,
      '/fields/0/default',
    ],
    ['an int default with a fraction', rec([{ name: 'a', type: 'int', default: 1.5 }]), /Invalid default/, '/fields/0/default'],
    [
      'a null default on a string',
      rec([{ name: 'a', type: 'string', default: null }]),
      /Invalid default for field a: null/,
      '/fields/0/default',
    ],
    [
      'a union default matching no branch',
      rec([{ name: 'a', type: ['null', 'int'], default: 'x' }]),
      /Invalid default/,
      '/fields/0/default',
    ],
    [
      'an array default with a wrong item',
      rec([{ name: 'a', type: { type: 'array', items: 'int' }, default: [1, 'x'] }]),
      /Invalid default/,
      '/fields/0/default',
    ],
    ['a duplicate enum symbol', { type: 'enum', name: 'E', symbols: ['A', 'A'] }, /Duplicate enum symbol: A/, '/symbols/1'],
    ['a bad enum symbol', { type: 'enum', name: 'E', symbols: ['A-1'] }, /Enum symbol "A-1" is invalid/, '/symbols/0'],
    [
      'an enum default not a symbol',
      { type: 'enum', name: 'E', symbols: ['A'], default: 'B' },
      /enum default B is not in the enum symbol set/,
      '/default',
    ],
    ['a fixed without size', { type: 'fixed', name: 'F' }, /Invalid or no size/, '/size'],
    ['a negative fixed size', { type: 'fixed', name: 'F', size: -1 }, /Invalid or no size/, '/size'],
    ['a nested union', ['null', ['int']], /Nested union/, '/1'],
    ['a duplicate union branch', ['int', 'string', 'int'], /Duplicate in union: int/, '/2'],
    [
      'two arrays in a union',
      [
        { type: 'array', items: 'int' },
        { type: 'array', items: 'long' },
      ],
      /Duplicate in union: array/,
      '/1',
    ],
    [
      'a redefined name',
      rec([
        { name: 'a', type: { type: 'fixed', name: 'F', size: 1 } },
        { name: 'b', type: { type: 'fixed', name: 'F', size: 2 } },
      ]),
      /Can't redefine: F/,
      '/fields/1/type',
    ],
    ['aliases that are not an array', rec([], { aliases: 'Old' }), /aliases not an array/, '/aliases'],
  ])('refuses %s', (_what, json, reason, path) => {
    const r = refusal(json);
    expect(r.reason).toMatch(reason);
    expect(r.path).toBe(path);
  });
});

describe('schemas Avro accepts', () => {
  it('accepts null as the default of a union whose first branch is null, and a union default matching a later branch', () => {
    expect(parseAvroSchema(rec([{ name: 'a', type: ['null', 'string'], default: null }])).ok).toBe(true);
    // Avro's Java parser accepts any branch (AvroCompatibilityTest.testBadDefaultNull relies on it).
    expect(parseAvroSchema(rec([{ name: 'a', type: ['null', 'string'], default: 'null' }])).ok).toBe(true);
  });

  it('resolves names against the enclosing namespace, then as written', () => {
    const r = parseAvroSchema({
      type: 'record',
      name: 'Order',
      namespace: 'shop',
      fields: [
        { name: 'money', type: { type: 'record', name: 'Money', fields: [{ name: 'cents', type: 'long' }] } },
        { name: 'refund', type: 'Money' },
        { name: 'again', type: 'shop.Money' },
        { name: 'outside', type: { type: 'enum', name: 'Flag', namespace: '', symbols: ['X'] } },
        { name: 'outsideRef', type: 'Flag' },
      ],
    });
    if (!r.ok || r.schema.type !== 'record') throw new Error('expected a record');
    const [money, refund, again, outside, outsideRef] = r.schema.fields.map((f) => f.type);
    expect(refund).toBe(money);
    expect(again).toBe(money);
    expect(outsideRef).toBe(outside);
    expect(money).toMatchObject({ fullName: 'shop.Money' });
    expect(outside).toMatchObject({ fullName: 'Flag', namespace: null });
  });

  it('resolves a reference to a type defined later in the same schema, and a record referring to itself', () => {
    const r = parseAvroSchema({
      type: 'record',
      name: 'List',
      fields: [
        { name: 'first', type: ['null', 'Item'], default: null },
        {
          name: 'item',
          type: { type: 'record', name: 'Item', fields: [{ name: 'next', type: ['null', 'List'], default: null }] },
        },
      ],
    });
    expect(r.ok).toBe(true);
  });

  it('reads a string default of a double field as a number, as Avro does', () => {
    const r = parseAvroSchema(rec([{ name: 'x', type: 'double', default: 'NaN' }]));
    expect(r.ok && r.schema.type === 'record' && Number.isNaN(r.schema.fields[0]!.defaultValue)).toBe(true);
  });

  it('takes names like __proto__ and constructor as plain names', () => {
    const r = parseAvroSchema({
      type: 'record',
      name: '__proto__',
      fields: [
        { name: '__proto__', type: 'int' },
        { name: 'constructor', type: { type: 'enum', name: 'hasOwnProperty', symbols: ['__proto__', 'toString'] } },
        { name: 'again', type: '__proto__' },
      ],
    });
    expect(r.ok).toBe(true);
    expect(refusal(rec([{ name: 'x', type: 'toString' }])).reason).toMatch(/Undefined name/);
  });
});
