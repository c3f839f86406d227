/**
 * The small rules both compatibility walks share (the one that explains, compatibility.ts, and
 * the one that only answers yes or no, compatibility-verdict.ts): how names, fields and primitive
 * types match, as `org.apache.avro.SchemaCompatibility` matches them.
 */
import type { FieldNode, NamedNode, PrimitiveNode, PrimitiveType, RecordNode, SchemaNode } from './types.ts';

/** Thrown when a reader field's name and aliases match two writer fields: Avro refuses to guess. */
export class AmbiguousFieldError extends Error {}

/** Avro's schemaNameEquals: the same unqualified name, or a reader alias equal to the writer's full name. */
export function schemaNameEquals(reader: NamedNode, writer: NamedNode): boolean {
  return reader.name === writer.name || reader.aliases.includes(writer.fullName);
}

/** The writer field a reader field reads from: by name, or by one of the reader field's aliases. */
export function lookupWriterField(writer: RecordNode, readerField: FieldNode): FieldNode | undefined {
  let found = writer.fieldByName.get(readerField.name);
  const aliases = readerField.aliases;
  for (let i = 0; i < aliases.length; i++) {
    const f = writer.fieldByName.get(aliases[i]!);
    if (f === undefined) continue;
    if (found !== undefined)
      throw new AmbiguousFieldError(
        `Reader record field ${readerField.name} matches multiple fields in writer record schema ${writer.fullName}`,
      );
    found = f;
  }
  return found;
}

/** Whether a node is one of Avro's eight primitive types. */
export function isPrimitive(n: SchemaNode): n is PrimitiveNode {
  switch (n.type) {
    case 'record':
    case 'enum':
    case 'fixed':
    case 'array':
    case 'map':
    case 'union':
      return false;
    default:
      return true;
  }
}

/** Avro's rule for two primitive types: the same type, or a promotion (int→long→float→double, long→float, string↔bytes). */
export function primitiveReads(reader: PrimitiveType, writer: PrimitiveType): boolean {
  if (reader === writer) return true;
  switch (reader) {
    case 'long':
      return writer === 'int';
    case 'float':
      return writer === 'int' || writer === 'long';
    case 'double':
      return writer === 'int' || writer === 'long' || writer === 'float';
    case 'bytes':
      return writer === 'string';
    case 'string':
      return writer === 'bytes';
    default:
      return false;
  }
}
