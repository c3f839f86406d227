/**
 * Properties over generated schemas and arbitrary JSON: nothing a learner types makes the model
 * throw; every valid schema reads its own data; the canonical text is a fixed point; a datum read
 * with the schema it was written with comes back equal; cloning the registry changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString } from './canonical.ts';
import { parseAvroSchema } from './parse.ts';
import { createDatumReader } from './resolve-datum.ts';
import { applySchemaCommand, cloneSchemaRegistry, createSchemaRegistry } from './registry.ts';
import { checkAvroCompatibility, checkRegistryCompatibility } from './surface.ts';

const primitive = fc.constantFrom('null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string');
const names = fc.constantFrom('A', 'B', 'C', 'D', '__proto__', 'constructor');

/** Schemas from a small grammar; some are invalid (a name defined twice), and the properties say which. */
const schema: fc.Arbitrary<unknown> = fc.letrec<{ s: unknown }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitive,
    fc.record({ type: fc.constant('array'), items: tie('s') }),
    fc.record({ type: fc.constant('map'), values: tie('s') }),
    fc.uniqueArray(primitive, { maxLength: 3 }),
    fc.record({
      type: fc.constant('enum'),
      name: names,
      symbols: fc.uniqueArray(fc.constantFrom('X', 'Y', 'Z'), { minLength: 1 }),
    }),
    fc.record({ type: fc.constant('fixed'), name: names, size: fc.integer({ min: 0, max: 4 }) }),
    fc.record({
      type: fc.constant('record'),
      name: names,
      fields: fc.uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c', '__proto__'), type: tie('s') }), {
        maxLength: 3,
        selector: (f) => f.name,
      }),
    }),
  ),
})).s;

describe('schema model properties', () => {
  it('never throws on arbitrary JSON, and answers invalid input with reasons', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const r = checkAvroCompatibility(a as never, b as never);
        expect(typeof r.compatible).toBe('boolean');
        if (!parseAvroSchema(a).ok) expect(r.messages[0]).toMatch(/reader schema is not a valid Avro schema/);
        checkRegistryCompatibility('FULL_TRANSITIVE', [a as never], b as never);
      }),
      { numRuns: 300 },
    );
  });

  it('every valid schema reads data written with itself, and its canonical text is a fixed point', () => {
    fc.assert(
      fc.property(schema, (s) => {
        const p = parseAvroSchema(s);
        if (!p.ok) return;
        expect(checkAvroCompatibility(s as never, s as never)).toEqual({ compatible: true, messages: [] });
        const text = canonicalString(p.schema);
        const again = parseAvroSchema(JSON.parse(text));
        expect(again.ok && canonicalString(again.schema)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('reading with the writer schema gives the datum back', () => {
    const rec = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'n', type: 'long' },
        { name: 'tags', type: { type: 'array', items: 'string' } },
        { name: 'opt', type: ['null', 'double'] },
      ],
    };
    const p = parseAvroSchema(rec);
    if (!p.ok) throw new Error(p.reason);
    const reader = createDatumReader(p.schema, p.schema);
    fc.assert(
      fc.property(
        fc.record({ n: fc.integer(), tags: fc.array(fc.string()), opt: fc.option(fc.double({ noNaN: true })) }),
        (d) => {
          expect(reader.read(d)).toEqual({ ok: true, value: d });
        },
      ),
    );
  });

  it('a clone of the registry answers every command as the original does', () => {
    fc.assert(
      fc.property(fc.array(schema, { maxLength: 6 }), (schemas) => {
        const a = createSchemaRegistry({}, 3);
        for (const s of schemas.slice(0, 3))
          applySchemaCommand(a, { type: 'register-schema', subject: 't-value', schema: s as never });
        const b = cloneSchemaRegistry(a);
        for (const s of schemas.slice(3)) {
          const c = { type: 'register-schema' as const, subject: 't-value', schema: s as never };
          expect(applySchemaCommand(b, c)).toEqual(applySchemaCommand(a, c));
        }
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 150 },
    );
  });
});
