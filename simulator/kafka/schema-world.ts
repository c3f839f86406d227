/**
 * The schema registry inside a Kafka world, and the producer's side of it: the serializer that
 * registers (or looks up) its writer schema under the topic's subject before the first send, stops
 * the producer when the registry refuses, and stamps each record with the schema id it was written
 * with — as Confluent's KafkaAvroSerializer does with auto.register.schemas on or off.
 *
 * Hooks into the engine are one line each (buildWorld, addGroup, the producer tick, produce
 * commands, produceRecord); all state lives in `KafkaModel.schema`, absent for scenarios without a
 * schema, so those run exactly as before.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { canonicalString } from '../schema/canonical.ts';
import { conforms } from '../schema/datum-values.ts';
import { DEFAULT_LEVEL } from '../schema/levels.ts';
import { applySchemaCommand, createSchemaRegistry, findSubject, topicSubject } from '../schema/registry.ts';
import type { Registration, SchemaCommand } from '../schema/registry-types.ts';
import type { AvroSchema } from '../schema/types.ts';
import { emit } from './emit.ts';
import { lookup } from './names.ts';
import type { GroupSpec, KafkaScenario, ProducerSpec } from './scenario/types.ts';
import { nodeOf, parseCached, sampleDatum } from './schema-sample.ts';
import type { GroupSchemaState, KafkaSchemaWorld, ProducerSchemaState } from './schema-types.ts';
import type { KafkaState } from './state.ts';

/** Whether a scenario uses the registry at all (else the world gets no schema state). */
export function scenarioUsesSchemas(sc: KafkaScenario): boolean {
  return (
    sc.schemaRegistry !== undefined ||
    (sc.producers ?? []).some((p) => p.valueSchema !== undefined) ||
    (sc.groups ?? []).some((g) => g.readerSchema !== undefined || g.deadLetter === true)
  );
}

/** The world's schema state, created on first need (a scenario with a registry gets it at build). */
export function schemaWorld(s: KafkaState, sc?: KafkaScenario['schemaRegistry']): KafkaSchemaWorld {
  if (s.k.schema === undefined) {
    const registry = createSchemaRegistry(sc ?? { globalLevel: DEFAULT_LEVEL }, s.seed);
    // The scenario's history is imported, not a happening of this run.
    registry.trace.entries = [];
    s.k.schema = { registry, producers: [], groups: [], recSchema: [], stalls: [], deadLetters: [], changes: 0 };
    // Records produced before the registry existed carry no schema id.
    for (let rn = 0; rn < s.k.rec.key.length; rn++) s.k.schema.recSchema.push(0);
  }
  return s.k.schema;
}

/** Builds the schema state of a scenario (buildWorld's hook): producers and groups were added already. */
export function attachScenarioSchemas(s: KafkaState, sc: KafkaScenario): void {
  if (!scenarioUsesSchemas(sc)) return;
  schemaWorld(s, sc.schemaRegistry);
  for (const spec of sc.producers ?? []) {
    const i = lookup(s.k.producerIndex, spec.id);
    if (i !== undefined) setProducerSchema(s, i, spec);
  }
}

/** A producer's serializer from its spec (nothing for a producer without a schema). */
export function setProducerSchema(s: KafkaState, prod: number, spec: Pick<ProducerSpec, 'valueSchema' | 'autoRegister'>): void {
  if (spec.valueSchema === undefined) return;
  const w = schemaWorld(s);
  const p = s.k.producers[prod]!;
  const topic = p.topic >= 0 ? s.k.topics[p.topic]!.name : '';
  while (w.producers.length <= prod) w.producers.push(null);
  w.producers[prod] = {
    schema: spec.valueSchema,
    autoRegister: spec.autoRegister ?? true,
    subject: topicSubject(topic),
    id: null,
    version: null,
    error: null,
    errorAt: 0,
  };
}

/** A group's deserializer (addGroup's hook: scenario groups and the add-group command). */
export function attachGroupSchema(s: KafkaState, g: number, spec: GroupSpec): void {
  if (spec.readerSchema === undefined && spec.deadLetter !== true) return;
  const w = schemaWorld(s);
  while (w.groups.length <= g) w.groups.push(null);
  w.groups[g] = newGroupSchema(spec.readerSchema ?? null, spec.deadLetter === true);
}

export function newGroupSchema(schema: AvroSchema | null, deadLetter: boolean): GroupSchemaState {
  return { schema, deadLetter, read: 0, unreadable: 0, deadLettered: 0, lastRead: null };
}

/**
 * Runs a registry command at the world's time and copies the registry's trace entries into the
 * Kafka trace (naming the producer whose serializer asked, if one did).
 */
export function registryCommand(s: KafkaState, c: SchemaCommand, producer?: string): Result<unknown> {
  const reg = schemaWorld(s).registry;
  reg.nowMs = s.nowMs;
  const r = applySchemaCommand(reg, c);
  for (const e of reg.trace.entries) {
    const { id: _id, ...rest } = e;
    emit(s, () => (producer === undefined ? rest : { ...rest, producer }), e.type);
  }
  reg.trace.entries = [];
  if (r.ok && c.type !== 'next-entry') schemaWorld(s).changes++;
  return r;
}

/** Confluent's lookup (POST /subjects/{subject}): the live version holding this exact schema. */
function lookupSchema(s: KafkaState, subject: string, schema: AvroSchema): Registration | undefined {
  const reg = schemaWorld(s).registry;
  const r = parseCached(schema);
  if (!r.ok) return undefined;
  const canonical = canonicalString(r.schema);
  const stored = reg.schemas.find((x) => x.canonical === canonical);
  const v =
    stored === undefined ? undefined : findSubject(reg, subject)?.versions.find((x) => !x.deleted && x.schemaId === stored.id);
  return v === undefined ? undefined : { subject, version: v.version, id: v.schemaId, existing: true };
}

function producerFailed(s: KafkaState, prod: number, ps: ProducerSchemaState, error: string): Result<never> {
  ps.error = error;
  ps.errorAt = s.k.schema!.changes;
  const p = s.k.producers[prod]!;
  const topic = p.topic >= 0 ? s.k.topics[p.topic]!.name : '';
  emit(
    s,
    () => ({ type: 'producer-schema-failed', atMs: s.nowMs, producer: p.id, topic, subject: ps.subject, error }),
    'producer-schema-failed',
  );
  return fail(ErrorCode.SchemaIncompatible, `Producer ${p.id} publishes nothing: ${error}`, 'schema');
}

/**
 * What the registry answers a serializer: registration (auto-register on) or lookup (off) of its
 * schema under its subject. Registration leaves the registry's entries in the trace.
 */
export function resolveProducerSchema(s: KafkaState, prod: number, ps: ProducerSchemaState): Result<Registration> {
  if (!ps.autoRegister) {
    const found = lookupSchema(s, ps.subject, ps.schema);
    return found !== undefined
      ? ok(found)
      : fail(
          ErrorCode.UnknownSchemaVersion,
          `Schema not found: auto-registration is off, and subject "${ps.subject}" has no version with this schema.`,
        );
  }
  const r = registryCommand(s, { type: 'register-schema', subject: ps.subject, schema: ps.schema }, s.k.producers[prod]!.id);
  return r.ok ? ok(r.value as Registration) : r;
}

/**
 * The serializer before a send: registers (or looks up) the producer's schema once; afterwards the
 * cached id is used. A producer the registry refused publishes nothing until its schema changes.
 */
export function producerSchemaReady(s: KafkaState, prod: number): Result<ProducerSchemaState | null> {
  const ps = s.k.schema?.producers[prod] ?? null;
  if (ps === null || ps.id !== null) return ok(ps);
  // Every send asks the registry again; asking before anything in it changed would get the same answer.
  if (ps.error !== null && ps.errorAt === s.k.schema!.changes)
    return fail(ErrorCode.SchemaIncompatible, `Producer ${s.k.producers[prod]!.id} publishes nothing: ${ps.error}`);
  const r = resolveProducerSchema(s, prod, ps);
  if (!r.ok) return producerFailed(s, prod, ps, r.error.message);
  ps.error = null;
  ps.id = r.value.id;
  ps.version = r.value.version;
  return ok(ps);
}

/**
 * produceRecord's hook, before record `rn` is stored: the schema id it carries, and for a
 * rate-driven record of a schema producer (valRef < 0) its value, built to fit the writer schema.
 */
export function schemaValueRef(s: KafkaState, prod: number, valRef: number): number {
  const w = s.k.schema!;
  const ps = w.producers[prod] ?? null;
  w.recSchema.push(ps?.id ?? 0);
  if (ps === null || ps.id === null || valRef >= 0) return valRef;
  const p = s.k.producers[prod]!;
  s.k.values.push(sampleDatum(nodeOf(ps.schema), -valRef - 1, p.payload));
  return s.k.values.length - 1;
}

/** The produce command's check: the producer's schema is registered and the value fits it. */
export function schemaProduceCheck(s: KafkaState, prod: number, value: unknown): Result<null> {
  const r = producerSchemaReady(s, prod);
  if (!r.ok) return r;
  const ps = r.value;
  if (ps === null || value === undefined) return ok(null);
  if (!conforms(nodeOf(ps.schema), value))
    return fail(
      ErrorCode.InvalidCommand,
      `The value does not fit producer ${s.k.producers[prod]!.id}'s schema (the serializer refuses it): every field of the schema needs a value of its type.`,
      'value',
    );
  return ok(null);
}

/** Whether a rate-driven producer may generate records now (the producer tick's hook). */
export function producerMaySend(s: KafkaState, prod: number): boolean {
  return s.k.schema === undefined || producerSchemaReady(s, prod).ok;
}
