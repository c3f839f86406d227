/**
 * The registry world: versions and global ids, identical re-registration, per-subject levels over
 * the global one, refusals that say why, Confluent's two-step deletion, plain data that clones.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA1, SCHEMA2, SCHEMA3 } from './cases/confluent-cases.ts';
import {
  applySchemaCommand,
  cloneSchemaRegistry,
  createSchemaRegistry,
  latestVersion,
  schemaById,
  subjectLevel,
  topicSubject,
} from './registry.ts';
import { describeSchemaEntry, loadSchemaCommand, loadSchemaScenario } from './registry-describe.ts';
import type { SchemaCommand, SchemaRegistryState } from './registry-types.ts';

const empty = (): SchemaRegistryState => createSchemaRegistry({}, 1);
const reg = (s: SchemaRegistryState, subject: string, schema: unknown, atMs?: number) =>
  applySchemaCommand(s, { type: 'register-schema', subject, schema: schema as never, ...(atMs === undefined ? {} : { atMs }) });

describe('registering', () => {
  it('numbers versions per subject and ids globally; the same schema under two subjects keeps one id', () => {
    const s = empty();
    expect(reg(s, 'orders-value', SCHEMA1)).toEqual({
      ok: true,
      value: { subject: 'orders-value', version: 1, id: 1, existing: false },
    });
    expect(reg(s, 'orders-value', SCHEMA2)).toEqual({
      ok: true,
      value: { subject: 'orders-value', version: 2, id: 2, existing: false },
    });
    expect(reg(s, 'payments-value', SCHEMA1)).toEqual({
      ok: true,
      value: { subject: 'payments-value', version: 1, id: 1, existing: false },
    });
    expect(s.schemas).toHaveLength(2);
    expect(s.trace.entries.map((e) => e.type)).toEqual(['schema-registered', 'schema-registered', 'schema-registered']);
    expect(describeSchemaEntry(s.trace.entries[2]!)).toMatch(/reusing global id 1/);
  });

  it('returns the existing version for the same schema after canonical normalisation', () => {
    const s = empty();
    reg(s, 'orders-value', SCHEMA1);
    reg(s, 'orders-value', SCHEMA2);
    // Other key order, {"type": "string"} for "string", an inherited namespace written out.
    const same = { fields: [{ name: 'f1', type: { type: 'string' } }], name: 'myrecord', type: 'record' };
    expect(reg(s, 'orders-value', same)).toEqual({
      ok: true,
      value: { subject: 'orders-value', version: 1, id: 1, existing: true },
    });
    expect(s.trace.entries.at(-1)).toMatchObject({ type: 'schema-already-registered', version: 1 });
    // A changed doc is a different schema to the registry (Confluent does not normalise it away).
    const withDoc = { ...(SCHEMA1 as object), doc: 'placed orders' };
    expect(reg(s, 'orders-value', withDoc)).toMatchObject({ ok: true, value: { version: 3, id: 3, existing: false } });
  });

  it('refuses an incompatible schema under the default BACKWARD level, saying which rule broke and where', () => {
    const s = empty();
    reg(s, 'orders-value', SCHEMA1);
    const r = reg(s, 'orders-value', SCHEMA3, 250);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('SCHEMA_INCOMPATIBLE');
      expect(r.error.message).toMatch(/READER_FIELD_MISSING_DEFAULT_VALUE at \/fields\/1: the field 'f2'/);
    }
    const refused = s.trace.entries.at(-1)!;
    expect(refused).toMatchObject({ type: 'schema-refused', atMs: 250, reason: 'incompatible', level: 'BACKWARD' });
    expect(describeSchemaEntry(refused)).toMatch(
      /^The registry refused a schema for orders-value under BACKWARD: BACKWARD: the new schema cannot read/,
    );
    expect(latestVersion(s, 'orders-value')?.version).toBe(1);
  });

  it('refuses an invalid schema whatever the level, with the parser reason and path', () => {
    const s = createSchemaRegistry({ globalLevel: 'NONE' }, 1);
    const r = reg(s, 'x-value', {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'int' },
        { name: 'a', type: 'int' },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'SCHEMA_INVALID', path: '/fields/1' } });
    expect(s.subjects).toEqual([]);
  });

  it('a subject level overrides the global level, and clearing it falls back', () => {
    const s = empty();
    reg(s, 'orders-value', SCHEMA1);
    expect(applySchemaCommand(s, { type: 'set-compatibility', subject: 'orders-value', level: 'NONE' }).ok).toBe(true);
    expect(subjectLevel(s, 'orders-value')).toBe('NONE');
    expect(reg(s, 'orders-value', SCHEMA3).ok).toBe(true);
    applySchemaCommand(s, { type: 'set-compatibility', level: 'FORWARD' });
    expect(applySchemaCommand(s, { type: 'delete-compatibility', subject: 'orders-value' })).toEqual({
      ok: true,
      value: 'FORWARD',
    });
    // FORWARD against version 2 (SCHEMA3): SCHEMA3 cannot read records without f2.
    expect(reg(s, 'orders-value', SCHEMA1).ok).toBe(true); // already version 1: returned, not checked
    const r = reg(s, 'orders-value', {
      type: 'record',
      name: 'myrecord',
      fields: [
        { name: 'f1', type: 'string' },
        { name: 'f9', type: 'int', default: 0 },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'SCHEMA_INCOMPATIBLE' } });
    expect(applySchemaCommand(s, { type: 'delete-compatibility', subject: 'orders-value' })).toMatchObject({ ok: false });
  });

  it('TopicNameStrategy names subjects after the topic', () => {
    expect(topicSubject('orders')).toBe('orders-value');
    expect(topicSubject('orders', 'key')).toBe('orders-key');
  });
});

describe('deleting versions as Confluent does', () => {
  it('soft delete hides a version from checks but keeps its number; permanent delete needs a soft delete first', () => {
    const s = empty();
    reg(s, 'o', SCHEMA1);
    reg(s, 'o', SCHEMA2);
    // f2 as an int: readable after version 1 (f2 defaults), not after version 2 (f2 is a string there).
    const intF2 = {
      type: 'record',
      name: 'myrecord',
      fields: [
        { name: 'f1', type: 'string' },
        { name: 'f2', type: 'int', default: 0 },
      ],
    };
    expect(reg(s, 'o', intF2)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/version 2: TYPE_MISMATCH at \/fields\/1\/type/) },
    });
    expect(applySchemaCommand(s, { type: 'delete-version', subject: 'o', version: 2, permanent: true })).toMatchObject({
      ok: false,
    });
    expect(applySchemaCommand(s, { type: 'delete-version', subject: 'o', version: 2 })).toEqual({ ok: true, value: 2 });
    expect(applySchemaCommand(s, { type: 'delete-version', subject: 'o', version: 2 })).toMatchObject({ ok: false });
    expect(latestVersion(s, 'o')?.version).toBe(1);
    // With version 2 soft-deleted, only version 1 counts: accepted, numbered after the deleted 2.
    expect(reg(s, 'o', intF2)).toEqual({ ok: true, value: { subject: 'o', version: 3, id: 3, existing: false } });
    applySchemaCommand(s, { type: 'set-compatibility', subject: 'o', level: 'NONE' });
    // Re-registering the soft-deleted text gets a new number and the same id; the old deleted version goes.
    expect(reg(s, 'o', SCHEMA2)).toEqual({ ok: true, value: { subject: 'o', version: 4, id: 2, existing: false } });
    expect(s.subjects[0]!.versions.map((v) => v.version)).toEqual([1, 3, 4]);
  });

  it('permanently deleting the last version forgets the subject and its level', () => {
    const s = empty();
    reg(s, 'o', SCHEMA1);
    applySchemaCommand(s, { type: 'set-compatibility', subject: 'o', level: 'FULL' });
    applySchemaCommand(s, { type: 'delete-version', subject: 'o', version: 1 });
    applySchemaCommand(s, { type: 'delete-version', subject: 'o', version: 1, permanent: true });
    expect(s.subjects).toEqual([]);
    expect(subjectLevel(s, 'o')).toBe('BACKWARD');
    expect(schemaById(s, 1)).toEqual(SCHEMA1);
    expect(applySchemaCommand(s, { type: 'delete-version', subject: 'o', version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_SUBJECT' },
    });
  });
});

describe('the model around the registry', () => {
  it('starts from a scenario (history imported without checks) and is plain data', () => {
    const loaded = loadSchemaScenario({
      globalLevel: 'FULL',
      subjects: [{ subject: 'orders-value', level: 'NONE', versions: [SCHEMA1, SCHEMA3] }],
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const s = createSchemaRegistry(loaded.value, 7);
    expect(s.subjects[0]).toEqual({
      subject: 'orders-value',
      level: 'NONE',
      versions: [
        { version: 1, schemaId: 1, deleted: false },
        { version: 2, schemaId: 2, deleted: false },
      ],
    });
    const copy = cloneSchemaRegistry(s);
    expect(JSON.parse(JSON.stringify(s))).toEqual(copy);
    reg(copy, 'orders-value', SCHEMA2);
    expect(s.subjects[0]!.versions).toHaveLength(2);
  });

  it('gives the same trace for the same commands', () => {
    const cmds: SchemaCommand[] = [
      { type: 'register-schema', subject: 'a-value', schema: SCHEMA1, atMs: 5 },
      { type: 'register-schema', subject: 'a-value', schema: SCHEMA3, atMs: 9 },
      { type: 'set-compatibility', level: 'NONE', atMs: 12 },
      { type: 'register-schema', subject: 'a-value', schema: SCHEMA3 },
    ];
    const run = () => {
      const s = empty();
      for (const c of cmds) applySchemaCommand(s, c);
      return JSON.stringify(s);
    };
    expect(run()).toBe(run());
  });

  it('refuses bad scenarios and commands with a reason', () => {
    expect(
      loadSchemaScenario({ subjects: [{ subject: 's', versions: [{ type: 'enum', name: 'E', symbols: ['A', 'A'] }] }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SCENARIO_INVALID', path: '/subjects/0/versions/0' },
    });
    expect(loadSchemaScenario({ globalLevel: 'SIDEWAYS' })).toMatchObject({ ok: false });
    expect(loadSchemaCommand({ type: 'register-schema', subject: '', schema: 'int' })).toMatchObject({ ok: false });
    expect(loadSchemaCommand({ type: 'delete-version', subject: 's', version: 1, permanent: true })).toMatchObject({ ok: true });
  });

  it('takes subjects and schemas named __proto__ and constructor as plain names', () => {
    const s = empty();
    const proto = { type: 'record', name: '__proto__', fields: [{ name: 'constructor', type: 'int' }] };
    expect(reg(s, '__proto__', proto)).toMatchObject({ ok: true, value: { version: 1, id: 1 } });
    expect(reg(s, 'constructor', proto)).toMatchObject({ ok: true, value: { version: 1, id: 1 } });
    expect(subjectLevel(s, 'toString')).toBe('BACKWARD');
    expect(latestVersion(s, 'hasOwnProperty')).toBeUndefined();
    const loaded = loadSchemaCommand(
      JSON.parse('{"type":"register-schema","subject":"__proto__","schema":{"type":"record","name":"__proto__","fields":[]}}'),
    );
    expect(loaded.ok && loaded.value.type === 'register-schema' && (loaded.value.schema as { name: string }).name).toBe(
      '__proto__',
    );
    expect(cloneSchemaRegistry(s).subjects.map((x) => x.subject)).toEqual(['__proto__', 'constructor']);
  });
});
