/**
 * The runtime twin of schema-types.ts: zod fields the scenario schema spreads into its producer,
 * group and scenario objects and the schema commands it adds to its command union, plus the
 * cross-field rules (a dead-letter group's topics need their `<topic>.DLT`, a producer's payload
 * must fit its writer schema). A schema is checked by Avro's parser right here, so a learner's
 * typo comes back as "not a valid Avro schema (at /fields/2/type): …" on the field that holds it.
 */
import { z } from 'zod';
import { COMPATIBILITY_LEVELS } from '../schema/levels.ts';
import type { AvroSchema } from '../schema/types.ts';
import { jsonValueProblem } from './scenario/json-value.ts';
import type { KafkaScenario } from './scenario/types.ts';
import { parseCached, payloadProblem } from './schema-sample.ts';

/** An Avro schema in JSON form: bounded like any command value, and parsed by Avro's rules. */
export const avroSchemaValue = z
  .custom<AvroSchema>((v) => typeof v === 'string' || (typeof v === 'object' && v !== null), {
    error: 'expected an Avro schema in JSON form: a type name, a schema object or a union array',
  })
  .superRefine((v, ctx) => {
    const problem = jsonValueProblem(v);
    if (problem !== undefined) return void ctx.addIssue({ code: 'custom', message: problem });
    const r = parseCached(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `not a valid Avro schema (at ${r.path}): ${r.reason}` });
  });

const level = z.enum(COMPATIBILITY_LEVELS);
const subject = z.string().min(1, { error: 'a subject name cannot be empty' }).max(255);

export const PRODUCER_SCHEMA_FIELDS = { valueSchema: avroSchemaValue.optional(), autoRegister: z.boolean().optional() };
export const GROUP_SCHEMA_FIELDS = { readerSchema: avroSchemaValue.optional(), deadLetter: z.boolean().optional() };
export const SCENARIO_SCHEMA_FIELDS = {
  schemaRegistry: z
    .strictObject({
      globalLevel: level.optional(),
      subjects: z
        .array(z.strictObject({ subject, level: level.optional(), versions: z.array(avroSchemaValue).max(1000) }))
        .max(1000)
        .optional(),
    })
    .optional(),
};

const name = z.string().min(1).max(249);

export const KafkaSchemaCommandSchemas = [
  z.strictObject({ type: z.literal('register-schema'), subject, schema: avroSchemaValue }),
  z.strictObject({ type: z.literal('set-compatibility'), subject: subject.optional(), level }),
  z.strictObject({
    type: z.literal('set-producer-schema'),
    producer: name,
    schema: avroSchemaValue,
    autoRegister: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('set-reader-schema'), group: name, schema: avroSchemaValue }),
  z.strictObject({ type: z.literal('skip-unreadable'), group: name, topic: name, partition: z.int().min(0).max(999) }),
] as const;

/** Cross-field problems of the schema fields (the scenario schema's refinement adds them). */
export function checkSchemaScenario(spec: KafkaScenario): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const topics = new Set(spec.topics.map((t) => t.name));
  (spec.groups ?? []).forEach((g, i) => {
    if (g.deadLetter !== true) return;
    for (const t of g.topics)
      if (!topics.has(`${t}.DLT`))
        out.push({
          path: ['groups', i, 'deadLetter'],
          message: `a dead-letter group needs a topic "${t}.DLT" for the records of "${t}" it cannot read; add it to topics`,
        });
  });
  (spec.producers ?? []).forEach((p, i) => {
    if (p.valueSchema === undefined || p.payload === undefined) return;
    const r = parseCached(p.valueSchema);
    const problem = r.ok ? payloadProblem(r.schema, p.payload) : undefined;
    if (problem !== undefined) out.push({ path: ['producers', i, 'payload'], message: problem });
  });
  return out;
}
