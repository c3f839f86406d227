/**
 * Avro's reader/writer compatibility cases, ported as data (cases/*.ts), run against our checker:
 * the verdict, and for incompatible pairs every incompatibility with Avro's type, detail and location.
 */
import { describe, expect, it } from 'vitest';
import { AVRO_COMPAT_GROUPS } from './cases/avro-compatibility-cases.ts';
import { AVRO_COMPAT_GROUPS_2 } from './cases/avro-compatibility-cases-2.ts';
import { readerWriterCompatibility } from './compatibility.ts';
import { parseAvroSchema } from './parse.ts';
import { checkAvroCompatibility } from './surface.ts';
import type { AvroSchema, SchemaNode } from './types.ts';

function parsed(json: AvroSchema): SchemaNode {
  const r = parseAvroSchema(json);
  if (!r.ok) throw new Error(`fixture does not parse: ${r.reason} at ${r.path}: ${JSON.stringify(json)}`);
  return r.schema;
}

const groups = [...AVRO_COMPAT_GROUPS, ...AVRO_COMPAT_GROUPS_2];

describe('ported Avro compatibility cases', () => {
  for (const g of groups) {
    describe(`${g.source} — ${g.test}`, () => {
      g.cases.forEach((c, i) => {
        const label = `#${i}: reader ${JSON.stringify(c.reader)} / writer ${JSON.stringify(c.writer)}`;
        it(label.length > 160 ? `${label.slice(0, 157)}…` : label, () => {
          const result = readerWriterCompatibility(parsed(c.reader), parsed(c.writer));
          expect(result.compatible).toBe(c.expect.length === 0);
          expect(result.incompatibilities.map(({ type, detail, location }) => ({ type, detail, location }))).toEqual(c.expect);
          // The stable surface gives the same verdict with one plain message per incompatibility.
          const surface = checkAvroCompatibility(c.reader, c.writer);
          expect(surface.compatible).toBe(c.expect.length === 0);
          expect(surface.messages).toHaveLength(c.expect.length);
          surface.messages.forEach((m, k) =>
            expect(m.startsWith(`${c.expect[k]!.type} at ${c.expect[k]!.location}:`)).toBe(true),
          );
        });
      });
    });
  }

  it('ports every case listed in the source files (counts per file)', () => {
    const count = (source: string): number => groups.filter((g) => g.source === source).reduce((n, g) => n + g.cases.length, 0);
    expect(count('TestSchemaCompatibility.java')).toBe(5 + 6 + 73);
    expect(count('TestSchemaCompatibilityTypeMismatch.java')).toBe(29);
    expect(count('TestSchemaCompatibilityMissingUnionBranch.java')).toBe(17);
    expect(count('TestSchemaCompatibilityFixedSizeMismatch.java')).toBe(4);
    expect(count('TestSchemaCompatibilityNameMismatch.java')).toBe(4);
    expect(count('TestSchemaCompatibilityMissingEnumSymbols.java')).toBe(3);
    expect(count('TestSchemaCompatibilityReaderFieldMissingDefaultValue.java')).toBe(2);
    expect(count('TestSchemaCompatibilityMultiple.java')).toBe(1);
  });
});

describe('compatibility details Avro has on purpose', () => {
  it('compares record names unqualified, so a namespace change alone is compatible (TestSchemas WITH_NS)', () => {
    const a = { type: 'record', name: 'Order', namespace: 'shop.v1', fields: [] };
    const b = { type: 'record', name: 'Order', namespace: 'shop.v2', fields: [] };
    expect(checkAvroCompatibility(a, b).compatible).toBe(true);
  });

  it('accepts a renamed record when a reader alias names the writer by its full name', () => {
    const writer = { type: 'record', name: 'Order', namespace: 'shop', fields: [] };
    const byFull = { type: 'record', name: 'Purchase', namespace: 'shop', aliases: ['shop.Order'], fields: [] };
    const byShort = { type: 'record', name: 'Purchase', namespace: 'shop', aliases: ['Order'], fields: [] };
    const otherNs = { type: 'record', name: 'Purchase', namespace: 'sales', aliases: ['Order'], fields: [] };
    expect(checkAvroCompatibility(byFull, writer).compatible).toBe(true);
    // An unqualified alias takes the reader's namespace: shop.Order again.
    expect(checkAvroCompatibility(byShort, writer).compatible).toBe(true);
    // …which is sales.Order here, not the writer's shop.Order.
    const r = checkAvroCompatibility(otherNs, writer);
    expect(r.compatible).toBe(false);
    expect(r.messages[0]).toMatch(/^NAME_MISMATCH at \/name:/);
  });

  it('refuses a reader field whose name and alias match two writer fields, as Avro throws', () => {
    const writer = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'int' },
        { name: 'b', type: 'int' },
      ],
    };
    const reader = { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int', aliases: ['b'] }] };
    const r = checkAvroCompatibility(reader, writer);
    expect(r.compatible).toBe(false);
    expect(r.messages[0]).toMatch(/matches multiple fields/);
  });

  it('terminates on mutually recursive records and still finds a mismatch inside', () => {
    const tree = (leaf: string) => ({
      type: 'record',
      name: 'Node',
      fields: [
        { name: 'value', type: leaf },
        { name: 'children', type: { type: 'array', items: 'Node' } },
        { name: 'parent', type: ['null', 'Node'], default: null },
      ],
    });
    expect(checkAvroCompatibility(tree('long'), tree('int')).compatible).toBe(true);
    const r = checkAvroCompatibility(tree('int'), tree('long'));
    expect(r.compatible).toBe(false);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^TYPE_MISMATCH at \/fields\/0\/type:/);
  });

  it('says which schema is invalid instead of answering', () => {
    const r = checkAvroCompatibility({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'Missing' }] }, 'int');
    expect(r).toEqual({
      compatible: false,
      messages: [expect.stringMatching(/reader schema is not a valid Avro schema \(at \/fields\/0\/type\): Undefined name/)],
    });
  });

  it('handles fields and types named like Object.prototype members', () => {
    const s = (t: string) => ({
      type: 'record',
      name: '__proto__',
      fields: [
        { name: '__proto__', type: t },
        { name: 'constructor', type: { type: 'enum', name: 'toString', symbols: ['hasOwnProperty', '__proto__'] } },
      ],
    });
    expect(checkAvroCompatibility(s('long'), s('int')).compatible).toBe(true);
    expect(checkAvroCompatibility(s('int'), s('long')).messages).toEqual([
      expect.stringMatching(/^TYPE_MISMATCH at \/fields\/0\/type:/),
    ]);
  });
});
