/**
 * Plain-word messages for incompatibilities: which rule broke, where, and what it means.
 *
 * Avro's own detail text (`reader type: INT not compatible with writer type: LONG`) is exact but
 * terse; a learner needs the rule in words. Each message starts with Avro's incompatibility type and
 * the location (a JSON pointer into the reading schema), then explains it, naming the two schemas by
 * role: `reader`/`writer` for a plain check, `new`/`old` for a registry check, as Confluent's
 * messages do.
 */
import type { Incompatibility } from './compatibility.ts';
import { isNamed, type SchemaNode } from './types.ts';

/** How the two schemas are called in a message. */
export interface Roles {
  reader: string;
  writer: string;
}

export const READER_WRITER: Roles = { reader: 'reader', writer: 'writer' };

function typeName(n: SchemaNode): string {
  return isNamed(n) ? `${n.type} ${n.fullName}` : n.type;
}

/** One sentence (two at most) for one incompatibility. */
export function describeIncompatibility(inc: Incompatibility, roles: Roles = READER_WRITER): string {
  const { reader: r, writer: w } = roles;
  const at = `${inc.type} at ${inc.location}`;
  switch (inc.type) {
    case 'TYPE_MISMATCH':
      return `${at}: the ${r} schema's ${typeName(inc.reader)} cannot read the ${w} schema's ${typeName(inc.writer)} — Avro only widens along int→long→float→double and converts string↔bytes; it never narrows.`;
    case 'NAME_MISMATCH':
      return `${at}: the ${r} schema names this type ${isNamed(inc.reader) ? inc.reader.fullName : '?'} but the ${w} schema calls it ${isNamed(inc.writer) ? inc.writer.fullName : '?'}, and no alias in the ${r} schema matches that name.`;
    case 'FIXED_SIZE_MISMATCH':
      return `${at}: the ${w} schema's fixed holds ${inc.detail.replace(/^expected: (\d+), found: (\d+)$/, '$1 bytes but the ' + r + " schema's holds $2")}.`;
    case 'MISSING_ENUM_SYMBOLS':
      return `${at}: the ${w} schema may write the symbols ${inc.detail}, which the ${r} schema's enum lacks, and that enum has no default symbol to fall back on.`;
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return `${at}: the field '${inc.detail}' in the ${r} schema has no default value and is missing in the ${w} schema, so there is nothing to fill it with.`;
    case 'MISSING_UNION_BRANCH': {
      const t = inc.detail.replace('reader union lacking writer type: ', '').toLowerCase();
      return `${at}: the ${w} schema may write ${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t} value here, and no branch of the ${r} schema's union can read it.`;
    }
  }
}
