/**
 * Confluent's level rules: the ported AvroCompatibilityTest cases through the stable surface, plus
 * what the messages say and which versions each level reaches.
 */
import { describe, expect, it } from 'vitest';
import { BAD_DEFAULT_NULL, CONFLUENT_GROUPS, CONFLUENT_SOURCE, SCHEMA1, SCHEMA2, SCHEMA3 } from './cases/confluent-cases.ts';
import { COMPATIBILITY_LEVELS } from './levels.ts';
import { parseAvroSchema } from './parse.ts';
import { checkRegistryCompatibility } from './surface.ts';

describe(`ported: ${CONFLUENT_SOURCE}`, () => {
  for (const g of CONFLUENT_GROUPS) {
    describe(`${g.test} (${g.level})`, () => {
      for (const k of g.cases) {
        it(`${k.compatible ? 'accepts' : 'refuses'}: ${k.why}`, () => {
          const r = checkRegistryCompatibility(g.level, k.previous, k.candidate);
          expect(r.compatible).toBe(k.compatible);
          expect(r.messages.length === 0).toBe(k.compatible);
        });
      }
    });
  }

  it('testBadDefaultNull: the string "null" as a union default still parses', () => {
    expect(parseAvroSchema(BAD_DEFAULT_NULL).ok).toBe(true);
  });

  it('ports all 32 level cases', () => {
    expect(CONFLUENT_GROUPS.reduce((n, g) => n + g.cases.length, 0)).toBe(32);
  });
});

describe('level messages and reach', () => {
  it('says which level, which version, which rule and where', () => {
    const r = checkRegistryCompatibility('BACKWARD', [SCHEMA1], SCHEMA3);
    expect(r.messages).toEqual([
      "BACKWARD: the new schema cannot read data written with version 1: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1: the field 'f2' in the new schema has no default value and is missing in the old schema, so there is nothing to fill it with.",
    ]);
  });

  it('FORWARD names the old schema as the reader', () => {
    const r = checkRegistryCompatibility('FORWARD', [SCHEMA3], SCHEMA1);
    expect(r.compatible).toBe(false);
    expect(r.messages[0]).toMatch(
      /^FORWARD: version 1 cannot read data written with the new schema: READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/1: the field 'f2' in the old schema/,
    );
  });

  it('FULL asks the forward question first, then the backward one', () => {
    const widened = { type: 'record', name: 'myrecord', fields: [{ name: 'f1', type: 'long' }] };
    const narrow = { type: 'record', name: 'myrecord', fields: [{ name: 'f1', type: 'int' }] };
    // int → long: the new schema reads old data (backward fine), the old cannot read long (forward breaks).
    const r = checkRegistryCompatibility('FULL', [narrow], widened);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(
      /^FULL: version 1 cannot read data written with the new schema: TYPE_MISMATCH at \/fields\/0\/type/,
    );
    expect(checkRegistryCompatibility('BACKWARD', [narrow], widened).compatible).toBe(true);
  });

  it('a transitive level answers with the newest version that breaks, and stops there', () => {
    const r = checkRegistryCompatibility('BACKWARD_TRANSITIVE', [SCHEMA1, SCHEMA1, SCHEMA2], SCHEMA3);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/with version 2:/);
  });

  it('NONE accepts anything and every level accepts a first version', () => {
    expect(checkRegistryCompatibility('NONE', [SCHEMA1], 'int').compatible).toBe(true);
    for (const level of COMPATIBILITY_LEVELS) expect(checkRegistryCompatibility(level, [], SCHEMA3).compatible).toBe(true);
  });

  it('refuses an invalid candidate even under NONE, saying why', () => {
    const r = checkRegistryCompatibility('NONE', [], {
      type: 'record',
      name: 'R',
      fields: [{ name: 'a', type: 'int', default: 'x' }],
    });
    expect(r.compatible).toBe(false);
    expect(r.messages[0]).toMatch(
      /new schema is not a valid Avro schema \(at \/fields\/0\/default\): Invalid default for field a/,
    );
  });
});
