/**
 * The quick yes-or-no walk must give exactly the explaining walk's verdict (and throw where it
 * throws), or a registry would accept what Avro refuses: over every ported Avro case, and over
 * generated pairs of schemas with recursive records, unions, enums, aliases and promotions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AVRO_COMPAT_GROUPS } from './cases/avro-compatibility-cases.ts';
import { AVRO_COMPAT_GROUPS_2 } from './cases/avro-compatibility-cases-2.ts';
import { explainCompatibility } from './compatibility.ts';
import { readsEverything } from './compatibility-verdict.ts';
import { parseAvroSchema } from './parse.ts';
import type { SchemaNode } from './types.ts';

function outcome(f: () => boolean): string {
  try {
    return f() ? 'compatible' : 'incompatible';
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

function sameVerdict(reader: SchemaNode, writer: SchemaNode): void {
  const quick = outcome(() => readsEverything(reader, writer));
  const explained = outcome(() => explainCompatibility(reader, writer).compatible);
  expect(quick).toBe(explained);
}

const primitive = fc.constantFrom('null', 'int', 'long', 'float', 'double', 'string', 'bytes');
/** Fields of the record `Node` (which may refer to itself), so recursion meets unions and promotions. */
const fieldType: fc.Arbitrary<unknown> = fc.letrec<{ t: unknown }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small' },
    primitive,
    fc.constant('Node'),
    fc.constant(['null', 'Node']),
    fc.uniqueArray(primitive, { minLength: 1, maxLength: 3 }),
    fc.record({ type: fc.constant('array'), items: tie('t') }),
    fc.record({ type: fc.constant('map'), values: tie('t') }),
    fc
      .record({
        type: fc.constant('enum'),
        name: fc.constantFrom('E', 'F'),
        symbols: fc.uniqueArray(fc.constantFrom('X', 'Y', 'Z'), { minLength: 1 }),
        default: fc.constant('X'),
      })
      .map((e) => (e.symbols.includes('X') ? e : { ...e, default: undefined })),
  ),
})).t;
const node = fc.record({
  type: fc.constant('record'),
  name: fc.constantFrom('Node', 'Other'),
  aliases: fc.constantFrom([], ['Node'], ['Other']),
  fields: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      type: fieldType,
      aliases: fc.constantFrom([], ['a'], ['b']),
    }),
    { maxLength: 3, selector: (f) => f.name },
  ),
});

describe('the quick compatibility walk', () => {
  it('gives the explaining walk’s verdict on every ported Avro case', () => {
    let compared = 0;
    for (const g of [...AVRO_COMPAT_GROUPS, ...AVRO_COMPAT_GROUPS_2])
      for (const c of g.cases) {
        const r = parseAvroSchema(c.reader);
        const w = parseAvroSchema(c.writer);
        if (!r.ok || !w.ok) throw new Error('a ported case no longer parses');
        sameVerdict(r.schema, w.schema);
        expect(readsEverything(r.schema, w.schema)).toBe(c.expect.length === 0);
        compared++;
      }
    expect(compared).toBeGreaterThan(100);
  });

  it('gives the explaining walk’s verdict on generated pairs (recursion, unions, aliases)', () => {
    let both = 0;
    fc.assert(
      fc.property(node, node, (a, b) => {
        const r = parseAvroSchema(a);
        const w = parseAvroSchema(b);
        if (!r.ok || !w.ok) return;
        both++;
        sameVerdict(r.schema, w.schema);
        sameVerdict(w.schema, r.schema);
      }),
      { numRuns: 400 },
    );
    // Most generated pairs must be valid schemas, or the property says little.
    expect(both).toBeGreaterThan(200);
  });
});
