/**
 * The schema model's stable surface is exported from simulator/index.ts under the exact names and
 * shapes of issue 16, and runs the model's own code (one known vector each).
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../index.ts';

describe('schema stable surface', () => {
  it('checkAvroCompatibility(reader, writer) answers { compatible, messages }', () => {
    expect(sim.checkAvroCompatibility('long', 'int')).toEqual({ compatible: true, messages: [] });
    const r = sim.checkAvroCompatibility('int', 'long');
    expect(r.compatible).toBe(false);
    expect(r.messages).toEqual([
      expect.stringMatching(/^TYPE_MISMATCH at \/: the reader schema's int cannot read the writer schema's long/),
    ]);
  });

  it('checkRegistryCompatibility(level, previousOldestFirst, candidate) answers { compatible, messages }', () => {
    const v1 = { type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] };
    const v2 = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'int' },
        { name: 'b', type: 'int' },
      ],
    };
    expect(sim.checkRegistryCompatibility('FORWARD', [v1], v2)).toEqual({ compatible: true, messages: [] });
    const r = sim.checkRegistryCompatibility('BACKWARD', [v1], v2);
    expect(Object.keys(r).sort()).toEqual(['compatible', 'messages']);
    expect(r.compatible).toBe(false);
    expect(sim.COMPATIBILITY_LEVELS).toEqual([
      'BACKWARD',
      'BACKWARD_TRANSITIVE',
      'FORWARD',
      'FORWARD_TRANSITIVE',
      'FULL',
      'FULL_TRANSITIVE',
      'NONE',
    ]);
  });

  it('a refused registration carries the location of the broken rule', () => {
    const s = sim.createSchemaRegistry(
      { subjects: [{ subject: 'orders-value', versions: [{ type: 'record', name: 'R', fields: [] }] }] },
      1,
    );
    const r = sim.applySchemaCommand(s, {
      type: 'register-schema',
      subject: 'orders-value',
      schema: { type: 'record', name: 'R', fields: [{ name: 'x', type: 'int' }] },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'SCHEMA_INCOMPATIBLE', path: '/fields/0' } });
  });
});
