/**
 * Sentences for the registry's trace entries, and the scenario loader that checks a registry file.
 *
 * The workbench, the narration for screen readers and the lessons read these; each sentence says
 * what happened in plain words, and a refusal says why.
 */
import type { z } from 'zod';
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { parseAvroSchema } from './parse.ts';
import {
  SchemaCommandSchema,
  SchemaScenarioSchema,
  type SchemaCommand,
  type SchemaScenario,
  type SchemaTraceEntry,
} from './registry-types.ts';

/** One plain sentence about a registry trace entry. */
export function describeSchemaEntry(e: SchemaTraceEntry): string {
  switch (e.type) {
    case 'schema-registered':
      return e.newId
        ? `Subject ${e.subject} registered a new schema as version ${e.version}, with the new global id ${e.schemaId}.`
        : `Subject ${e.subject} registered version ${e.version}, reusing global id ${e.schemaId} because that exact schema is already known.`;
    case 'schema-already-registered':
      return `Subject ${e.subject} already has this schema as version ${e.version} (id ${e.schemaId}), so nothing changed.`;
    case 'schema-refused':
      return e.reason === 'invalid'
        ? `The registry refused a schema for ${e.subject} because it is not valid Avro: ${e.messages[0] ?? ''}`
        : `The registry refused a schema for ${e.subject} under ${e.level}: ${e.messages[0] ?? ''}`;
    case 'compatibility-set':
      return e.subject === null
        ? `The global compatibility level is now ${e.level}.`
        : `Subject ${e.subject} now uses the compatibility level ${e.level}.`;
    case 'compatibility-cleared':
      return `Subject ${e.subject} no longer has its own level and follows the global level, ${e.fallback}.`;
    case 'schema-version-deleted':
      return e.permanent
        ? `Version ${e.version} of ${e.subject} was deleted permanently.`
        : `Version ${e.version} of ${e.subject} was soft-deleted: it no longer counts for compatibility, but its number is not reused.`;
  }
}

function issues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length > 0 ? '/' + i.path.join('/') : '/'}: ${i.message}`).join('; ');
}

/** Validates a registry scenario from a file or a link: its shape, and that every schema parses. Never throws. */
export function loadSchemaScenario(input: unknown): Result<SchemaScenario> {
  const r = SchemaScenarioSchema.safeParse(input);
  if (!r.success) return fail(ErrorCode.ScenarioInvalid, `The registry scenario is not valid: ${issues(r.error)}`);
  for (const [i, sub] of (r.data.subjects ?? []).entries()) {
    for (const [k, schema] of sub.versions.entries()) {
      const p = parseAvroSchema(schema);
      const at = `/subjects/${i}/versions/${k}`;
      if (!p.ok)
        return fail(
          ErrorCode.ScenarioInvalid,
          `Version ${k + 1} of subject ${sub.subject} is not a valid Avro schema (at ${p.path}): ${p.reason}.`,
          at,
        );
    }
  }
  return ok(r.data);
}

/** Validates one registry command (structure only). Never throws. */
export function loadSchemaCommand(input: unknown): Result<SchemaCommand> {
  const r = SchemaCommandSchema.safeParse(input);
  return r.success ? ok(r.data) : fail(ErrorCode.InvalidCommand, `The registry command is not valid: ${issues(r.error)}`);
}
