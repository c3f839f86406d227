/**
 * The registry inside the Kafka model, told through the migration stories in docs/examples:
 * serializers register before they send and stamp records with schema ids; the registry refuses
 * an incompatible schema and the producer publishes nothing; groups read with their own reader
 * schema (defaults fill, unknown fields are skipped); a record a group cannot read stops that
 * group's partition (lag grows) or goes to the dead-letter topic, while other groups carry on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKafkaSim } from './kafka-sim.ts';
import { loadScenario } from './scenario/loader.ts';
import type { KafkaEngineCommand, KafkaScenario } from './scenario/types.ts';
import { readWithGroupSchema } from './schema-consume.ts';
import type { KafkaState } from './state.ts';
import { lookup } from './names.ts';
import { summary } from './lag.ts';

const examples = join(import.meta.dirname, '..', '..', 'docs', 'examples');

function scenario(id: string): KafkaScenario {
  const r = loadScenario(readFileSync(join(examples, `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const orderPlaced = (fields: object[]) => ({ type: 'record', name: 'OrderPlaced', namespace: 'shop.orders', fields });
const ID = [
  { name: 'orderId', type: 'string' },
  { name: 'userId', type: 'string' },
];
const V1 = orderPlaced([...ID, { name: 'total', type: 'double' }]);
const RENAMED = orderPlaced([...ID, { name: 'subtotal', type: 'double' }]);

function run(sc: KafkaScenario, cmds: KafkaEngineCommand[], seed = 1) {
  const sim = createKafkaSim({ seed, scenario: sc });
  const s = sim.init();
  const results = cmds.map((c) => sim.apply(s, c));
  return { s, sim, results };
}

function lagOf(s: KafkaState, group: string): number | null {
  return summary(s).groups.find((g) => g.group === group)!.lag;
}

function groupSchema(s: KafkaState, group: string) {
  return s.k.schema!.groups[lookup(s.k.groupIndex, group)!]!;
}

describe('a scenario without schemas', () => {
  it('has no registry state at all (so its trace is what it always was)', () => {
    const { s } = run(scenario('fan-out-three-groups'), [{ type: 'advance', untilMs: 2000 }]);
    expect(s.k.schema).toBeUndefined();
  });
});

describe('OrderPlaced v1 → v2 with two optional fields', () => {
  const sc = scenario('schema-add-optional-fields');
  const { s, sim } = run(sc, [{ type: 'advance', untilMs: 12_000 }]);

  it('registers v2 under orders-value as version 2, id 2, and stamps records with the ids', () => {
    const registered = s.trace.entries.filter((e) => e.type === 'schema-registered');
    expect(registered.map((e) => sim.describeEntry(e))).toEqual([
      "Subject orders-value registered a new schema as version 2, with the new global id 2. (asked by producer checkout-v2's serializer)",
    ]);
    expect(new Set(s.k.schema!.recSchema)).toEqual(new Set([1, 2]));
  });

  it('both consumers read every record; the new one gets the defaults, the old one skips the new fields', () => {
    const produced = s.k.counters.produced;
    expect(produced).toBe(9);
    expect(groupSchema(s, 'billing-v1')).toMatchObject({ read: produced, unreadable: 0 });
    expect(groupSchema(s, 'shipping-v2')).toMatchObject({ read: produced, unreadable: 0 });
    const v1rn = s.k.schema!.recSchema.indexOf(1);
    const v2rn = s.k.schema!.recSchema.indexOf(2);
    const asV2 = readWithGroupSchema(s, groupSchema(s, 'shipping-v2'), v1rn);
    expect(asV2.ok && asV2.value).toMatchObject({ currency: 'EUR', discountCode: null });
    const asV1 = readWithGroupSchema(s, groupSchema(s, 'billing-v1'), v2rn);
    expect(asV1.ok && Object.keys(asV1.value as object)).toEqual(['orderId', 'userId', 'total']);
    expect(lagOf(s, 'billing-v1')).toBe(0);
    expect(lagOf(s, 'shipping-v2')).toBe(0);
  });
});

describe('renaming total to subtotal', () => {
  const sc = scenario('schema-rename-field');
  const switchSchema: KafkaEngineCommand = { type: 'set-producer-schema', producer: 'checkout', schema: RENAMED };

  it('is refused under BACKWARD with the rule and the field; the producer keeps its old schema', () => {
    const { s, sim, results } = run(sc, [{ type: 'advance', untilMs: 3000 }, switchSchema]);
    const r = results[1]!;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('READER_FIELD_MISSING_DEFAULT_VALUE');
      expect(r.error.message).toContain("'subtotal'");
      expect(r.error.message).toContain('BACKWARD');
      // It says what the producer does now: the version it keeps, not the refused one.
      expect(r.error.message).toContain('so it keeps writing with orders-value v1 (schema id 1)');
    }
    const before = s.k.counters.produced;
    sim.apply(s, { type: 'advance', untilMs: 8000 });
    expect(s.k.counters.produced).toBeGreaterThan(before);
    expect(new Set(s.k.schema!.recSchema)).toEqual(new Set([1]));
  });

  it('a producer that had no schema and is refused keeps writing plain records, and says so', () => {
    const plain: KafkaScenario = { ...sc, producers: [{ ...sc.producers![0]!, valueSchema: undefined }] };
    const { s, sim, results } = run(plain, [{ type: 'advance', untilMs: 3000 }, switchSchema]);
    const r = results[1]!;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('so it keeps writing records without a schema');
    const before = s.k.counters.produced;
    sim.apply(s, { type: 'advance', untilMs: 8000 });
    expect(s.k.counters.produced).toBeGreaterThan(before);
    expect(s.k.schema!.producers[0] ?? null).toBeNull();
  });

  it('a producer started with a schema the registry refuses publishes nothing, until the level allows it', () => {
    const refused: KafkaScenario = { ...sc, producers: [{ ...sc.producers![0]!, valueSchema: RENAMED }] };
    const { s, sim } = run(refused, [{ type: 'advance', untilMs: 5000 }]);
    expect(s.k.counters.produced).toBe(0);
    const failed = s.trace.entries.filter((e) => e.type === 'producer-schema-failed');
    // The serializer asks once; it asks again only after the registry changes.
    expect(failed).toHaveLength(1);
    expect(sim.describeEntry(failed[0]!)).toContain('publishes nothing');
    sim.apply(s, { type: 'set-compatibility', subject: 'orders-value', level: 'NONE' });
    sim.apply(s, { type: 'advance', untilMs: 8000 });
    expect(s.k.counters.produced).toBeGreaterThan(0);
    expect(s.k.schema!.producers[0]).toMatchObject({ id: 2, version: 2, error: null });
  });

  it('under NONE is published: the old reader stops and lags, audit-old dead-letters, the aliased reader reads all', () => {
    const { s, sim } = run(sc, [
      { type: 'advance', untilMs: 3000 },
      { type: 'set-compatibility', subject: 'orders-value', level: 'NONE' },
      switchSchema,
      { type: 'advance', untilMs: 8000 },
    ]);
    const lagAt8 = lagOf(s, 'billing-old')!;
    expect(lagAt8).toBeGreaterThan(0);
    sim.apply(s, { type: 'advance', untilMs: 12_000 });
    expect(lagOf(s, 'billing-old')!).toBeGreaterThan(lagAt8);
    const stall = s.k.schema!.stalls[0]!;
    expect(stall.error).toContain('missing required field total');
    expect(groupSchema(s, 'billing-old').unreadable).toBe(1);
    // audit-old sent every renamed record to orders.DLT, with the reason as a header.
    const audit = groupSchema(s, 'audit-old');
    expect(audit.deadLettered).toBeGreaterThan(0);
    expect(s.k.schema!.deadLetters.length).toBe(audit.deadLettered);
    expect(s.k.schema!.deadLetters[0]!.reason).toContain('missing required field total');
    // Lag counts committed offsets (auto-commit every 5 s): the moving groups stay within a commit interval.
    expect(lagOf(s, 'audit-old')!).toBeLessThanOrEqual(5);
    expect(lagOf(s, 'billing-new')!).toBeLessThanOrEqual(5);
    expect(lagOf(s, 'billing-old')!).toBeGreaterThan(5);
    // billing-new read every record audit-old met, the renamed ones included.
    expect(groupSchema(s, 'billing-new')).toMatchObject({ read: audit.read + audit.deadLettered, unreadable: 0 });
  });

  it('a new reader schema with the alias lets the stopped group go on; skip-unreadable skips one record', () => {
    const aliased = orderPlaced([...ID, { name: 'subtotal', type: 'double', aliases: ['total'] }]);
    const base: KafkaEngineCommand[] = [
      { type: 'set-compatibility', level: 'NONE' },
      { type: 'advance', untilMs: 3000 },
      switchSchema,
      { type: 'advance', untilMs: 8000 },
    ];
    const fixed = run(sc, [
      ...base,
      { type: 'set-reader-schema', group: 'billing-old', schema: aliased },
      { type: 'advance', untilMs: 9000 },
    ]);
    expect(fixed.results[4]).toMatchObject({ ok: true, value: { detail: { resumed: ['orders-0'] } } });
    expect(fixed.s.k.schema!.stalls).toEqual([]);
    expect(groupSchema(fixed.s, 'billing-old')).toMatchObject({ read: groupSchema(fixed.s, 'billing-new').read, unreadable: 1 });
    const skipped = run(sc, [...base, { type: 'skip-unreadable', group: 'billing-old', topic: 'orders', partition: 0 }]);
    expect(skipped.results[4]).toMatchObject({ ok: true });
    // Only one record is skipped: the next renamed one stops the group again.
    skipped.sim.apply(skipped.s, { type: 'advance', untilMs: 9000 });
    expect(groupSchema(skipped.s, 'billing-old').unreadable).toBe(2);
    expect(skipped.s.k.schema!.stalls).toHaveLength(1);
  });

  it('refuses a schema that does not parse, naming where', () => {
    const { results } = run(sc, [
      {
        type: 'register-schema',
        subject: 'orders-value',
        schema: { type: 'record', name: 'X', fields: [{ name: 'a', type: 'strin' }] },
      },
    ]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'SCHEMA_INVALID' } });
    if (!results[0]!.ok) expect(results[0]!.error.message).toMatch(/at \/fields\/0\/type.*strin/);
  });

  it('with auto-registration off, a schema the subject lacks is not found', () => {
    const { results } = run(sc, [{ ...switchSchema, autoRegister: false } as KafkaEngineCommand]);
    expect(results[0]).toMatchObject({ ok: false });
    if (!results[0]!.ok) expect(results[0]!.error.message).toContain('Schema not found');
  });

  it('a produce command whose value does not fit the writer schema is refused', () => {
    const { results, s } = run(sc, [{ type: 'produce', producer: 'checkout', topic: 'orders', value: { orderId: 'o-1' } }]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'INVALID_COMMAND' } });
    expect(s.k.counters.produced).toBe(0);
  });
});

describe('the other stories', () => {
  it('the transitional version is accepted under BACKWARD and everyone reads', () => {
    const { s } = run(scenario('schema-rename-transitional'), [{ type: 'advance', untilMs: 12_000 }]);
    expect(s.k.schema!.registry.subjects[0]!.versions).toHaveLength(2);
    expect(groupSchema(s, 'billing-old').unreadable).toBe(0);
    expect(groupSchema(s, 'billing-new')).toMatchObject({ read: s.k.counters.produced, unreadable: 0 });
  });

  it('the breaking version on orders.v2 gets its own subject, and nobody meets a record it cannot read', () => {
    const { s } = run(scenario('schema-new-topic'), [{ type: 'advance', untilMs: 12_000 }]);
    expect(s.k.schema!.registry.subjects.map((x) => x.subject)).toEqual(['orders-value', 'orders.v2-value']);
    expect(groupSchema(s, 'billing-old').unreadable + groupSchema(s, 'billing-new').unreadable).toBe(0);
    expect(groupSchema(s, 'billing-old').read + groupSchema(s, 'billing-new').read).toBe(s.k.counters.produced);
  });

  it('a dead-letter group without its DLT topic is refused by the loader, naming the field', () => {
    const sc = scenario('schema-rename-field');
    const r = loadScenario({ ...sc, topics: sc.topics.filter((t) => t.name !== 'orders.DLT') });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(!r.ok && r.error)).toContain('orders.DLT');
  });

  it('a scenario schema that does not parse is refused by the loader, naming where', () => {
    const sc = scenario('schema-new-topic');
    const bad = { ...sc, groups: [{ ...sc.groups![0]!, readerSchema: { ...V1, fields: [{ name: 'total' }] } }] };
    const r = loadScenario(bad);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(!r.ok && r.error)).toMatch(/readerSchema.*not a valid Avro schema/);
  });
});
