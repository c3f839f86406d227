/**
 * The schema registry world: subjects with versions, global ids and compatibility levels, changed
 * by commands as Confluent Schema Registry changes them.
 *
 * Registration follows `KafkaSchemaRegistry.register`: a schema is parsed first (an invalid one is
 * refused, whatever the level); a schema already among the subject's live versions (same canonical
 * text) answers with that version and id and changes nothing; otherwise it is checked against the
 * subject's live versions under the subject's level (else the global one, BACKWARD by default); an
 * accepted schema keeps the global id of the same text registered anywhere before (even under
 * another subject), or takes the next id; its version is one past the highest ever used in the
 * subject, soft-deleted ones included. Deletion is Confluent's two steps: a soft delete hides a
 * version from checks and lookups but keeps its number; a permanent delete of a soft-deleted version
 * removes it (and the subject, with its level, once nothing is left). Registering a text that has
 * a soft-deleted older version of the same id removes that old version, as Confluent tombstones it.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { createTraceLog, traceEmit } from '../core/trace.ts';
import { canonicalString } from './canonical.ts';
import { checkLevel, DEFAULT_LEVEL, type CompatibilityLevel } from './levels.ts';
import { parseAvroSchema } from './parse.ts';
import type {
  Registration,
  SchemaCommand,
  SchemaRegistryState,
  SchemaScenario,
  SchemaTraceEntry,
  SubjectState,
} from './registry-types.ts';
import type { AvroSchema, SchemaNode } from './types.ts';

/** An entry before the log gives it an id (distributed over the union, so each kind keeps its fields). */
type Emit = SchemaTraceEntry extends infer E ? (E extends SchemaTraceEntry ? Omit<E, 'id'> : never) : never;

function emit(s: SchemaRegistryState, e: Emit): void {
  traceEmit(s.trace, e as Omit<SchemaTraceEntry, 'id'>);
}

/** The subject's record, if it exists. */
export function findSubject(s: SchemaRegistryState, subject: string): SubjectState | undefined {
  return s.subjects.find((x) => x.subject === subject);
}

/** The level that applies to a subject: its own, else the global one. */
export function subjectLevel(s: SchemaRegistryState, subject: string): CompatibilityLevel {
  return findSubject(s, subject)?.level ?? s.globalLevel;
}

/** The schema with a global id, as a consumer looks up a record's writer schema. */
export function schemaById(s: SchemaRegistryState, id: number): AvroSchema | undefined {
  return s.schemas[id - 1]?.schema;
}

/** The newest live version of a subject, with its id and schema. */
export function latestVersion(
  s: SchemaRegistryState,
  subject: string,
): { version: number; id: number; schema: AvroSchema } | undefined {
  const live = findSubject(s, subject)?.versions.filter((v) => !v.deleted);
  const last = live?.[live.length - 1];
  return last === undefined
    ? undefined
    : { version: last.version, id: last.schemaId, schema: s.schemas[last.schemaId - 1]!.schema };
}

/** Confluent's TopicNameStrategy: the subject of a topic's values (`orders-value`) or keys (`orders-key`). */
export function topicSubject(topic: string, part: 'key' | 'value' = 'value'): string {
  return `${topic}-${part}`;
}

/**
 * Parsed stored schemas, by canonical text. Like Confluent's schema cache: a registration checks
 * against up to every earlier version, and re-parsing each one each time would dominate. The text
 * is immutable and the parse is pure, so the cache can never change an answer; it is bounded, and
 * dropped whole when full (simple, and a refill costs one parse per schema).
 */
const parsedCache = new Map<string, SchemaNode>();
const PARSED_CACHE_MAX = 4096;

function parsedOf(s: SchemaRegistryState, id: number): SchemaNode {
  const canonical = s.schemas[id - 1]!.canonical;
  const hit = parsedCache.get(canonical);
  if (hit !== undefined) return hit;
  const r = parseAvroSchema(JSON.parse(canonical));
  // Stored schemas were parsed when registered; a failure here is a programming error.
  if (!r.ok) throw new Error(`stored schema ${id} no longer parses: ${r.reason}`);
  if (parsedCache.size >= PARSED_CACHE_MAX) parsedCache.clear();
  parsedCache.set(canonical, r.schema);
  return r.schema;
}

/** Registers `schema` under `subject`; `checks: false` is the registry's import mode (scenario start). */
function register(s: SchemaRegistryState, subject: string, schema: AvroSchema, checks: boolean): Result<Registration> {
  const level = subjectLevel(s, subject);
  const parsed = parseAvroSchema(schema);
  if (!parsed.ok) {
    const message = `Invalid schema (at ${parsed.path}): ${parsed.reason}.`;
    emit(s, { atMs: s.nowMs, type: 'schema-refused', subject, reason: 'invalid', level, messages: [message] });
    return fail(ErrorCode.SchemaInvalid, message, parsed.path);
  }
  const canonical = canonicalString(parsed.schema);
  const known = s.schemas.find((x) => x.canonical === canonical);
  let entry = findSubject(s, subject);
  const live = entry?.versions.filter((v) => !v.deleted) ?? [];
  const same = known === undefined ? undefined : live.find((v) => v.schemaId === known.id);
  if (same !== undefined) {
    emit(s, { atMs: s.nowMs, type: 'schema-already-registered', subject, version: same.version, schemaId: same.schemaId });
    return ok({ subject, version: same.version, id: same.schemaId, existing: true });
  }
  if (checks) {
    const earlier = live.map((v) => ({ node: parsedOf(s, v.schemaId), label: `version ${v.version}` }));
    const verdict = checkLevel(level, earlier, parsed.schema);
    if (!verdict.compatible) {
      emit(s, { atMs: s.nowMs, type: 'schema-refused', subject, reason: 'incompatible', level, messages: verdict.messages });
      const message = `Schema being registered is incompatible with an earlier schema for subject "${subject}": ${verdict.messages.join(' ')}`;
      return fail(ErrorCode.SchemaIncompatible, message, verdict.location);
    }
  }
  const id = known?.id ?? s.schemas.length + 1;
  if (known === undefined) s.schemas.push({ id, schema, canonical });
  if (entry === undefined) s.subjects.push((entry = { subject, level: null, versions: [] }));
  const version = entry.versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
  entry.versions = entry.versions.filter((v) => !(v.deleted && v.schemaId === id));
  entry.versions.push({ version, schemaId: id, deleted: false });
  emit(s, { atMs: s.nowMs, type: 'schema-registered', subject, version, schemaId: id, newId: known === undefined });
  return ok({ subject, version, id, existing: false });
}

function deleteVersion(s: SchemaRegistryState, subject: string, version: number, permanent: boolean): Result<number> {
  const entry = findSubject(s, subject);
  if (entry === undefined) return fail(ErrorCode.UnknownSubject, `Subject '${subject}' not found.`);
  const v = entry.versions.find((x) => x.version === version);
  if (v === undefined) return fail(ErrorCode.UnknownSchemaVersion, `Version ${version} not found in subject '${subject}'.`);
  if (!permanent && v.deleted)
    return fail(
      ErrorCode.InvalidCommand,
      `Subject '${subject}' version ${version} was soft deleted already; delete it permanently to remove it.`,
    );
  if (permanent && !v.deleted)
    return fail(
      ErrorCode.InvalidCommand,
      `Subject '${subject}' version ${version} must be soft deleted before it is deleted permanently.`,
    );
  if (permanent) entry.versions = entry.versions.filter((x) => x !== v);
  else v.deleted = true;
  // With no version left at all, Confluent forgets the subject and its level too.
  if (entry.versions.length === 0) s.subjects = s.subjects.filter((x) => x !== entry);
  emit(s, { atMs: s.nowMs, type: 'schema-version-deleted', subject, version, schemaId: v.schemaId, permanent });
  return ok(version);
}

/**
 * Applies one command in place. An impossible or refused command returns an error value (and a
 * refused registration leaves a `schema-refused` trace entry saying why); nothing else changes.
 */
export function applySchemaCommand(s: SchemaRegistryState, c: SchemaCommand): Result<unknown> {
  if (c.type === 'next-entry') return ok(null);
  if (c.atMs !== undefined && c.atMs > s.nowMs) s.nowMs = c.atMs;
  switch (c.type) {
    case 'register-schema':
      return register(s, c.subject, c.schema, true);
    case 'set-compatibility': {
      if (c.subject === undefined) s.globalLevel = c.level;
      else {
        let entry = findSubject(s, c.subject);
        // Confluent lets a level be set before the subject's first version.
        if (entry === undefined) s.subjects.push((entry = { subject: c.subject, level: null, versions: [] }));
        entry.level = c.level;
      }
      emit(s, { atMs: s.nowMs, type: 'compatibility-set', subject: c.subject ?? null, level: c.level });
      return ok(c.level);
    }
    case 'delete-compatibility': {
      const entry = findSubject(s, c.subject);
      if (entry?.level == null)
        return fail(ErrorCode.InvalidCommand, `Subject '${c.subject}' has no compatibility level of its own.`);
      entry.level = null;
      if (entry.versions.length === 0) s.subjects = s.subjects.filter((x) => x !== entry);
      emit(s, { atMs: s.nowMs, type: 'compatibility-cleared', subject: c.subject, fallback: s.globalLevel });
      return ok(s.globalLevel);
    }
    case 'delete-version':
      return deleteVersion(s, c.subject, c.version, c.permanent ?? false);
  }
}

/** A fresh registry for a scenario: its versions imported in order without checks, as history. */
export function createSchemaRegistry(scenario: SchemaScenario, seed: number): SchemaRegistryState {
  const s: SchemaRegistryState = {
    seed: seed >>> 0,
    nowMs: 0,
    globalLevel: scenario.globalLevel ?? DEFAULT_LEVEL,
    schemas: [],
    subjects: [],
    trace: createTraceLog<SchemaTraceEntry>('full'),
  };
  for (const sub of scenario.subjects ?? []) {
    for (const schema of sub.versions) register(s, sub.subject, schema, false);
    if (sub.level !== undefined) applySchemaCommand(s, { type: 'set-compatibility', subject: sub.subject, level: sub.level });
  }
  return s;
}

/** An independent copy (the state is plain data). */
export function cloneSchemaRegistry(s: SchemaRegistryState): SchemaRegistryState {
  return structuredClone(s);
}
