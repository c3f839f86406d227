/**
 * The schema registry model's plain data: state, commands, trace entries, and their zod schemas.
 *
 * Shaped for the model contract (simulator/core): a scenario validated by zod builds a world for a
 * seed, commands are a discriminated union applied in place returning a `Result`, the state is
 * JSON-serialisable and clonable with structuredClone, and every happening is a trace entry with
 * `atMs`. Subjects and schemas are arrays, not objects keyed by name, so a subject called
 * `__proto__` or `constructor` is just a name (lookups go through registry-store.ts).
 */
import { z } from 'zod';
import type { TraceBase, TraceLog } from '../core/trace.ts';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from './levels.ts';
import type { AvroSchema } from './types.ts';

/** A schema the registry knows, under its global id (the same text under two subjects keeps one id). */
export interface StoredSchema {
  id: number;
  /** As first submitted. */
  schema: AvroSchema;
  /** Avro's canonical text: the registry's identity of a schema (canonical.ts). */
  canonical: string;
}

/** One version of a subject. A soft-deleted version keeps its number and id but no longer counts. */
export interface SubjectVersion {
  version: number;
  schemaId: number;
  deleted: boolean;
}

export interface SubjectState {
  subject: string;
  /** The subject's own level, or null to use the global level. */
  level: CompatibilityLevel | null;
  /** Oldest first. Version numbers are never reused while a version (even soft-deleted) holds them. */
  versions: SubjectVersion[];
}

export interface SchemaRegistryState {
  seed: number;
  nowMs: number;
  globalLevel: CompatibilityLevel;
  /** Every schema ever registered; `schemas[i].id === i + 1`. */
  schemas: StoredSchema[];
  subjects: SubjectState[];
  trace: TraceLog<SchemaTraceEntry>;
}

/** A schema in JSON form inside a scenario or command: passed through untouched, parsed by the model. */
const AvroSchemaSchema = z.custom<AvroSchema>((v) => typeof v === 'string' || (typeof v === 'object' && v !== null), {
  message: 'an Avro schema in JSON form: a type name, a schema object or a union array',
});
const LevelSchema = z.enum(COMPATIBILITY_LEVELS);
const SubjectName = z.string().min(1).max(255);

/** A registry to start from: a global level and subjects with their versions, oldest first. */
export const SchemaScenarioSchema = z.object({
  globalLevel: LevelSchema.optional(),
  subjects: z
    .array(z.object({ subject: SubjectName, level: LevelSchema.optional(), versions: z.array(AvroSchemaSchema).max(1000) }))
    .max(1000)
    .optional(),
});
export type SchemaScenario = z.infer<typeof SchemaScenarioSchema>;

const at = { atMs: z.number().int().min(0).optional() };

export const SchemaCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('register-schema'), subject: SubjectName, schema: AvroSchemaSchema, ...at }),
  z.object({ type: z.literal('set-compatibility'), subject: SubjectName.optional(), level: LevelSchema, ...at }),
  z.object({ type: z.literal('delete-compatibility'), subject: SubjectName, ...at }),
  z.object({
    type: z.literal('delete-version'),
    subject: SubjectName,
    version: z.number().int().min(1),
    permanent: z.boolean().optional(),
    ...at,
  }),
  z.object({ type: z.literal('next-entry') }),
]);
/** What a learner or a producer asks of the registry. */
export type SchemaCommand = z.infer<typeof SchemaCommandSchema>;

interface EntryBase extends TraceBase {
  subject: string;
}

/** Every happening in the registry, as the UI and the lessons read it. */
export type SchemaTraceEntry =
  | (EntryBase & { type: 'schema-registered'; version: number; schemaId: number; newId: boolean })
  | (EntryBase & { type: 'schema-already-registered'; version: number; schemaId: number })
  | (EntryBase & { type: 'schema-refused'; reason: 'invalid' | 'incompatible'; level: CompatibilityLevel; messages: string[] })
  | (TraceBase & { type: 'compatibility-set'; subject: string | null; level: CompatibilityLevel })
  | (EntryBase & { type: 'compatibility-cleared'; fallback: CompatibilityLevel })
  | (EntryBase & { type: 'schema-version-deleted'; version: number; schemaId: number; permanent: boolean });

/** What a registration answers: the subject's version and the global id, and whether it was already there. */
export interface Registration {
  subject: string;
  version: number;
  id: number;
  existing: boolean;
}
