/**
 * The yes-or-no half of Avro's reader/writer check: the same walk as compatibility.ts, visiting the
 * same pairs in the same order with the same memo, but building no messages, locations or lists.
 *
 * Most questions a registry asks are answered "compatible" (a transitive level asks up to two per
 * earlier version), and a compatible answer carries nothing to explain, so compatibility.ts asks
 * this walk first and walks again with explanations only when the answer is no. The walk does not
 * stop at the first failure: a pair's memoised verdict can depend on which pairs were visited before
 * it (a pair met again while in progress counts as compatible), so visiting exactly what the
 * explaining walk visits is what makes the two verdicts always equal.
 */
import { isPrimitive, lookupWriterField, primitiveReads, schemaNameEquals } from './compatibility-rules.ts';
import { isNamed, type EnumNode, type RecordNode, type SchemaNode } from './types.ts';

const IN_PROGRESS = 2;
const YES = 1;
const NO = 0;
type Memo = Map<SchemaNode, Map<SchemaNode, number>>;

function at(memo: Memo, reader: SchemaNode, writer: SchemaNode): boolean {
  if (!isNamed(reader) || !isNamed(writer)) {
    if (isPrimitive(reader) && isPrimitive(writer) && primitiveReads(reader.type, writer.type)) return true;
    return calculate(memo, reader, writer);
  }
  let byWriter = memo.get(reader);
  if (byWriter === undefined) memo.set(reader, (byWriter = new Map()));
  const known = byWriter.get(writer);
  if (known !== undefined) return known !== NO;
  byWriter.set(writer, IN_PROGRESS);
  const result = calculate(memo, reader, writer);
  byWriter.set(writer, result ? YES : NO);
  return result;
}

function calculate(memo: Memo, reader: SchemaNode, writer: SchemaNode): boolean {
  if (reader.type === writer.type) {
    switch (reader.type) {
      case 'array':
        return at(memo, reader.items, (writer as typeof reader).items);
      case 'map':
        return at(memo, reader.values, (writer as typeof reader).values);
      case 'fixed': {
        const w = writer as typeof reader;
        return schemaNameEquals(reader, w) && reader.size === w.size;
      }
      case 'enum':
        return schemaNameEquals(reader, writer as EnumNode) && enumSymbolsRead(reader, writer as EnumNode);
      case 'record': {
        const names = schemaNameEquals(reader, writer as RecordNode);
        // Fields are walked even when the names differ: the explaining walk visits them too.
        return fieldsRead(memo, reader, writer as RecordNode) && names;
      }
      case 'union': {
        let ok = true;
        const branches = (writer as typeof reader).branches;
        for (let i = 0; i < branches.length; i++) if (!at(memo, reader, branches[i]!)) ok = false;
        return ok;
      }
      default:
        return true;
    }
  }
  if (writer.type === 'union') {
    let ok = true;
    const branches = writer.branches;
    for (let i = 0; i < branches.length; i++) if (!at(memo, reader, branches[i]!)) ok = false;
    return ok;
  }
  const w = writer.type;
  switch (reader.type) {
    case 'long':
      return w === 'int';
    case 'float':
      return w === 'int' || w === 'long';
    case 'double':
      return w === 'int' || w === 'long' || w === 'float';
    case 'bytes':
      return w === 'string';
    case 'string':
      return w === 'bytes';
    case 'union': {
      const branches = reader.branches;
      for (let i = 0; i < branches.length; i++) {
        const branch = branches[i]!;
        const fits =
          isPrimitive(branch) && isPrimitive(writer) ? primitiveReads(branch.type, writer.type) : at(memo, branch, writer);
        if (fits) return true;
      }
      return false;
    }
    default:
      return false;
  }
}

function fieldsRead(memo: Memo, reader: RecordNode, writer: RecordNode): boolean {
  let ok = true;
  const fields = reader.fields;
  for (let i = 0; i < fields.length; i++) {
    const rf = fields[i]!;
    const wf = lookupWriterField(writer, rf);
    if (wf !== undefined) {
      if (!at(memo, rf.type, wf.type)) ok = false;
    } else if (!rf.hasDefault) {
      if (rf.type.type === 'enum' && rf.type.enumDefault !== null) {
        if (!at(memo, rf.type, writer)) ok = false;
      } else ok = false;
    }
  }
  return ok;
}

function enumSymbolsRead(reader: EnumNode, writer: EnumNode): boolean {
  if (reader.enumDefault !== null) return true;
  for (const s of writer.symbols) if (!reader.symbolIndex.has(s)) return false;
  return true;
}

/**
 * Whether `reader` can read everything `writer` wrote, exactly as readerWriterCompatibility decides
 * it (and throwing AmbiguousFieldError where it throws), without saying why.
 */
export function readsEverything(reader: SchemaNode, writer: SchemaNode): boolean {
  return at(new Map(), reader, writer);
}
