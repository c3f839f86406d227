/**
 * The stable surface of the schema model: two questions asked of schemas in their JSON form.
 *
 * Outside checks call these with exactly these names and shapes (issue 16). They are thin entry
 * points over the parser, Avro's reader/writer check and the registry's level rules that the
 * registry model itself runs, not copies. A schema Avro's parser would refuse is never compatible:
 * the message says which schema and why.
 */
import { AmbiguousFieldError, readerWriterCompatibility } from './compatibility.ts';
import { checkLevel, type CompatibilityLevel, type EarlierSchema } from './levels.ts';
import { describeIncompatibility } from './messages.ts';
import { parseAvroSchema } from './parse.ts';
import type { AvroSchema, SchemaNode } from './types.ts';

export interface CompatibilityAnswer {
  compatible: boolean;
  messages: string[];
}

function parseOrMessage(json: AvroSchema, what: string): { node: SchemaNode } | { message: string } {
  const r = parseAvroSchema(json);
  return r.ok ? { node: r.schema } : { message: `The ${what} is not a valid Avro schema (at ${r.path}): ${r.reason}.` };
}

/**
 * Can data written with `writer` always be read with `reader`? As `SchemaCompatibility
 * .checkReaderWriterCompatibility` answers, with one plain message per incompatibility.
 */
export function checkAvroCompatibility(reader: AvroSchema, writer: AvroSchema): CompatibilityAnswer {
  const r = parseOrMessage(reader, 'reader schema');
  const w = parseOrMessage(writer, 'writer schema');
  const invalid = [r, w].flatMap((x) => ('message' in x ? [x.message] : []));
  if (!('node' in r) || !('node' in w)) return { compatible: false, messages: invalid };
  try {
    const result = readerWriterCompatibility(r.node, w.node);
    return { compatible: result.compatible, messages: result.incompatibilities.map((i) => describeIncompatibility(i)) };
  } catch (e) {
    if (e instanceof AmbiguousFieldError)
      return { compatible: false, messages: [`${e.message}, so Avro cannot decide which to read.`] };
    throw e;
  }
}

/**
 * May `candidate` be registered after `previousOldestFirst` under `level`? As Confluent Schema
 * Registry decides it; messages name the level, the earlier schema (`version n`, counting the oldest
 * as version 1), the Avro rule that broke and where.
 */
export function checkRegistryCompatibility(
  level: CompatibilityLevel,
  previousOldestFirst: AvroSchema[],
  candidate: AvroSchema,
): CompatibilityAnswer {
  const c = parseOrMessage(candidate, 'new schema');
  if (!('node' in c)) return { compatible: false, messages: [c.message] };
  const earlier: EarlierSchema[] = [];
  for (let i = 0; i < previousOldestFirst.length; i++) {
    const p = parseOrMessage(previousOldestFirst[i]!, `earlier schema at index ${i}`);
    if (!('node' in p)) return { compatible: false, messages: [p.message] };
    earlier.push({ node: p.node, label: `version ${i + 1}` });
  }
  const { compatible, messages } = checkLevel(level, earlier, c.node);
  return { compatible, messages };
}
