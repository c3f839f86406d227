/**
 * The values a rate-driven producer with a writer schema sends: one datum per record that conforms
 * to the schema, built from the producer's payload (fields it names) and the record's sequence
 * number (everything else), so the same seed gives the same values and every value serialises.
 *
 * Parsed schemas are memoised by their JSON text: a parse is pure, so the cache can never change
 * an answer, and a rate-driven producer would otherwise parse its schema once per record.
 */
import { conforms } from '../schema/datum-values.ts';
import { parseAvroSchema, type ParseResult } from '../schema/parse.ts';
import type { AvroSchema, FieldNode, SchemaNode } from '../schema/types.ts';

const parsed = new Map<string, ParseResult>();
const PARSED_MAX = 1024;

/** The parse of a schema in JSON form (memoised by its text). */
export function parseCached(schema: AvroSchema): ParseResult {
  const key = JSON.stringify(schema);
  const hit = parsed.get(key);
  if (hit !== undefined) return hit;
  const r = parseAvroSchema(schema);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(key, r);
  return r;
}

/** A parsed schema the scenario loader or a command has already checked. */
export function nodeOf(schema: AvroSchema): SchemaNode {
  const r = parseCached(schema);
  if (!r.ok) throw new Error(`schema no longer parses: ${r.reason}`);
  return r.schema;
}

/** A readable value of a field for record `seq`: `order-3` for orderId, 3 for a count, 12.5 for a price. */
function sampleField(f: FieldNode, seq: number, depth: number): unknown {
  if (f.type.type === 'string' && f.name.endsWith('Id') && f.name.length > 2) return `${f.name.slice(0, -2)}-${seq + 1}`;
  return sample(f.type, seq, f.name, depth + 1);
}

function sample(n: SchemaNode, seq: number, name: string, depth: number): unknown {
  switch (n.type) {
    case 'null':
      return null;
    case 'boolean':
      return seq % 2 === 0;
    case 'int':
    case 'long':
      return seq + 1;
    case 'float':
    case 'double':
      return 10 + ((seq * 37) % 9000) / 100;
    case 'string':
      return `${name}-${seq + 1}`;
    case 'bytes':
      return '';
    case 'enum':
      return n.symbols[seq % n.symbols.length];
    case 'fixed':
      return '\u0000'.repeat(n.size);
    case 'array':
      return [];
    case 'map':
      return {};
    case 'union': {
      const b = n.branches.find((x) => x.type !== 'null') ?? n.branches[0]!;
      return sample(b, seq, name, depth);
    }
    case 'record': {
      if (depth > 16) return null;
      const out: Record<string, unknown> = {};
      for (const f of n.fields) out[f.name] = sampleField(f, seq, depth);
      return out;
    }
  }
}

/**
 * Record `seq`'s value for a writer schema: payload fields where the payload names them, sample
 * values elsewhere. A top-level schema that is not a record gets a sample of its type.
 */
export function sampleDatum(schema: SchemaNode, seq: number, payload: Readonly<Record<string, unknown>>): unknown {
  if (schema.type !== 'record') return sample(schema, seq, 'value', 0);
  const out = Object.create(null) as Record<string, unknown>;
  for (const f of schema.fields) {
    const p = Object.hasOwn(payload, f.name) ? payload[f.name] : undefined;
    out[f.name] = p !== undefined && conforms(f.type, p) ? p : sampleField(f, seq, 0);
  }
  // A plain object again, so the value survives structuredClone and JSON like any other.
  return { ...out };
}

/** Why a payload does not fit a writer schema (a field it lacks, or a value of the wrong type), or undefined. */
export function payloadProblem(schema: SchemaNode, payload: Readonly<Record<string, unknown>>): string | undefined {
  if (schema.type !== 'record') return 'a payload needs a record schema: it names record fields';
  for (const key of Object.keys(payload)) {
    const f = schema.fieldByName.get(key);
    if (f === undefined) return `the payload names "${key}", which is not a field of ${schema.fullName}`;
    if (!conforms(f.type, payload[key])) return `the payload's "${key}" is not a value of the field's type`;
  }
  return undefined;
}
