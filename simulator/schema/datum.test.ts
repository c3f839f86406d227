/**
 * Datum resolution: Avro's decoding cases ported as data (the Java tests encode with the writer
 * and decode with the reader; here the datum is JSON-form and resolution is the same plan), plus
 * the rules each step applies and the error values for unreadable records.
 */
import { describe, expect, it } from 'vitest';
import { createDatumReader } from './resolve-datum.ts';
import { parseAvroSchema } from './parse.ts';
import * as S from './cases/test-schemas.ts';
import type { AvroSchema, SchemaNode } from './types.ts';

function node(json: AvroSchema): SchemaNode {
  const r = parseAvroSchema(json);
  if (!r.ok) throw new Error(`${r.reason} at ${r.path}`);
  return r.schema;
}

function read(writer: AvroSchema, reader: AvroSchema, datum: unknown) {
  return createDatumReader(node(writer), node(reader)).read(datum);
}

function readOk(writer: AvroSchema, reader: AvroSchema, datum: unknown): unknown {
  const r = read(writer, reader, datum);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('ported: TestSchemaCompatibility.java DECODING_COMPATIBILITY_TEST_CASES', () => {
  const cases: Array<[AvroSchema, unknown, AvroSchema, unknown]> = [
    [S.INT, 1, S.INT, 1],
    [S.INT, 1, S.LONG, 1],
    [S.INT, 1, S.FLOAT, 1],
    [S.INT, 1, S.DOUBLE, 1],
    // Accepted with a loss of precision: a float has a 24-bit mantissa.
    [S.INT, (1 << 24) + 1, S.FLOAT, 1 << 24],
    [S.ENUM1_AB, 'A', S.ENUM1_ABC, 'A'],
    [S.ENUM1_ABC, 'A', S.ENUM1_AB, 'A'],
    [S.ENUM1_ABC, 'B', S.ENUM1_BC, 'B'],
    [S.ENUM_ABC_ENUM_DEFAULT_A, 'C', S.ENUM_AB_ENUM_DEFAULT_A, 'A'],
    [S.INT_STRING_UNION, 'the string', S.STRING, 'the string'],
    [S.INT_STRING_UNION, 'the string', S.STRING_UNION, 'the string'],
  ];
  it.each(cases)('writer %j datum %j read as %j gives %j', (writer, datum, reader, expected) => {
    expect(readOk(writer, reader, datum)).toEqual(expected);
  });
});

describe('ported: TestSchemaCompatibilityEnumDefaults.java', () => {
  const r1 = (field: string, type: AvroSchema, extra: object = {}) => ({
    type: 'record',
    name: 'Record1',
    fields: [{ name: field, type, ...extra }],
  });

  it('enumDefaultNotAppliedWhenWriterFieldMissing', () => {
    const r = read(r1('field2', S.ENUM2_AB), r1('field1', S.ENUM_AB_ENUM_DEFAULT_A), { field2: 'B' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Found Record1, expecting Record1, missing required field field1');
  });
  it('enumDefaultAppliedWhenNoFieldDefaultDefined', () => {
    expect(readOk(r1('field1', S.ENUM_ABC_ENUM_DEFAULT_A), r1('field1', S.ENUM_AB_ENUM_DEFAULT_A), { field1: 'C' })).toEqual({
      field1: 'A',
    });
  });
  it('enumDefaultNotAppliedWhenCompatibleSymbolIsFound', () => {
    expect(readOk(r1('field1', S.ENUM_ABC_ENUM_DEFAULT_A), r1('field1', S.ENUM_AB_ENUM_DEFAULT_A), { field1: 'B' })).toEqual({
      field1: 'B',
    });
  });
  it('enumDefaultAppliedWhenFieldDefaultDefined (the enum default wins over the field default)', () => {
    const reader = r1('field1', S.ENUM_AB_ENUM_DEFAULT_A, { default: 'B' });
    expect(readOk(r1('field1', S.ENUM_ABC_ENUM_DEFAULT_A), reader, { field1: 'C' })).toEqual({ field1: 'A' });
  });
  it('fieldDefaultNotAppliedForUnknownSymbol', () => {
    const r = read(r1('field1', S.ENUM1_ABC), r1('field1', S.ENUM1_AB, { default: 'A' }), { field1: 'C' });
    expect(r).toMatchObject({ ok: false, error: { code: 'SCHEMA_DATUM_UNREADABLE', path: '/field1' } });
    if (!r.ok) expect(r.error.message).toContain('No match for C');
  });
});

describe('ported: TestSchemaCompatibility.java checkResolvingDecoder', () => {
  const r7 = (second: string) => ({
    type: 'record',
    name: 'r7',
    fields: [
      { name: 'lat', type: 'float', 'field-id': 1 },
      { name: second, type: ['null', 'float'], default: null, 'field-id': 2 },
    ],
  });
  const table = (second: string) => ({
    type: 'record',
    name: 'table',
    fields: [{ name: 'location', type: ['null', { type: 'map', values: ['null', r7(second)] }], default: null }],
  });
  it('a field renamed inside a map of records reads as its default', () => {
    const out = readOk(table('long'), table('long_r2'), { location: { l1: { lat: 52.995143, long: -1.539054 } } }) as {
      location: Record<string, { lat: number; long_r2: unknown }>;
    };
    expect(out.location.l1!.lat).toBe(52.995143);
    expect(out.location.l1!.long_r2).toBeNull();
  });
});

describe('resolution rules', () => {
  const W = {
    type: 'record',
    name: 'R',
    fields: [
      { name: 'a', type: 'int' },
      { name: 'gone', type: 'string' },
    ],
  };
  const R = {
    type: 'record',
    name: 'R',
    fields: [
      { name: 'b', type: 'long', aliases: ['a'] },
      { name: 'extra', type: { type: 'array', items: 'int' }, default: [1] },
    ],
  };

  it('renames by reader alias, skips writer fields, fills defaults (a fresh copy each time), widens', () => {
    const reader = createDatumReader(node(W), node(R));
    const one = reader.read({ a: 7, gone: 'x' });
    const two = reader.read({ a: 8, gone: 'y' });
    expect(one).toEqual({ ok: true, value: { b: 7, extra: [1] } });
    if (one.ok && two.ok) expect((one.value as { extra: unknown }).extra).not.toBe((two.value as { extra: unknown }).extra);
  });

  it('converts string to bytes and back through UTF-8', () => {
    expect(readOk('string', 'bytes', 'é€')).toBe('\u00c3\u00a9\u00e2\u0082\u00ac');
    expect(readOk('bytes', 'string', '\u00c3\u00a9\u00e2\u0082\u00ac')).toBe('é€');
  });

  it('fails only the values of a writer union branch the reader cannot read', () => {
    const reader = createDatumReader(node(['int', 'string']), node('long'));
    expect(reader.read(5)).toEqual({ ok: true, value: 5 });
    const bad = reader.read('five');
    expect(bad).toMatchObject({ ok: false, error: { code: 'SCHEMA_DATUM_UNREADABLE' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/Found string, expecting long/);
  });

  it('picks the reader union branch as Avro does: exact type first, then the first promotion', () => {
    expect(readOk('int', ['string', 'double', 'long'], 3)).toBe(3);
    expect(readOk('int', ['string', 'float', 'double'], (1 << 24) + 1)).toBe(1 << 24);
    const rec = (name: string, f: string) => ({ type: 'record', name, fields: [{ name: f, type: 'int' }] });
    // No full-name match: the first record that resolves without an error is chosen.
    expect(readOk(rec('A', 'x'), [rec('B', 'y'), rec('C', 'x')], { x: 1 })).toEqual({ x: 1 });
  });

  it('names the path and the reason when a value was not written with the writer schema', () => {
    const xs = (t: string) => ({ type: 'record', name: 'R', fields: [{ name: 'xs', type: { type: 'array', items: t } }] });
    const r = read(xs('int'), xs('long'), { xs: [1, 'two'] });
    expect(r).toMatchObject({ ok: false, error: { path: '/xs/1' } });
    if (!r.ok) expect(r.error.message).toMatch(/"two" is not an int/);
    // A skipped writer field is checked too: the writer could not have written it.
    expect(read(xs('int'), { type: 'record', name: 'R', fields: [] }, { xs: [1, 'two'] })).toMatchObject({
      ok: false,
      error: { path: '/xs' },
    });
  });

  it("reads a record under another name, as Avro's Resolver does, though the compatibility check refuses the pair", () => {
    const a = { type: 'record', name: 'A', fields: [{ name: 'x', type: 'int' }] };
    const b = { type: 'record', name: 'B', fields: [{ name: 'x', type: 'long' }] };
    expect(readOk(a, b, { x: 1 })).toEqual({ x: 1 });
    // Enums and fixed are checked by name when reading, records are not.
    const e = (name: string) => ({ type: 'enum', name, symbols: ['X'] });
    expect(read(e('E1'), e('E2'), 'X')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Found E1, expecting E2/) },
    });
  });

  it('reads recursive records', () => {
    const list = (t: string) => ({
      type: 'record',
      name: 'L',
      fields: [
        { name: 'v', type: t },
        { name: 'next', type: ['null', 'L'], default: null },
      ],
    });
    expect(readOk(list('int'), list('double'), { v: 1, next: { v: 2, next: null } })).toEqual({
      v: 1,
      next: { v: 2, next: null },
    });
  });

  it('keeps fields called __proto__ and constructor as data', () => {
    const s = {
      type: 'record',
      name: 'R',
      fields: [
        { name: '__proto__', type: 'int' },
        { name: 'constructor', type: 'string', default: 'c' },
      ],
    };
    const datum = JSON.parse('{"__proto__": 1}') as unknown;
    const out = readOk({ type: 'record', name: 'R', fields: [{ name: '__proto__', type: 'int' }] }, s, datum) as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out['__proto__']).toBe(1);
    expect(out['constructor']).toBe('c');
    // A datum missing the writer's __proto__ field is not mistaken for Object.prototype.
    expect(read({ type: 'record', name: 'R', fields: [{ name: '__proto__', type: 'int' }] }, s, {}).ok).toBe(false);
  });
});
