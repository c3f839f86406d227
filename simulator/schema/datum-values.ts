/**
 * Datums in JSON form: what a value of each Avro type looks like, which branch of a writer's union
 * a value was written as, and the UTF-8 step of Avro's string↔bytes promotion.
 *
 * The model carries records as JSON-form data, not Avro's binary encoding (see README): null,
 * booleans, numbers (int, long, float, double), strings (string; enum symbols; bytes and fixed as
 * strings of byte-valued code units 0–255, as Avro's JSON encoding writes them), arrays, and objects
 * (records by field name, maps by key). Unions are written untagged, so the writer's branch is the
 * first branch in union order that accepts the value — Avro's GenericData.resolveUnion picks by the
 * value's runtime class the same way, but JavaScript has one number type, so `5` in `["long","int"]`
 * is a long here.
 */
import type { SchemaNode, UnionNode } from './types.ts';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `v` is a value of `node` in JSON form (deep for records, arrays and maps). */
export function conforms(node: SchemaNode, v: unknown, depth = 0): boolean {
  // A datum deeper than this is a cycle or an attack, not a record a learner wrote.
  if (depth > 64) return false;
  switch (node.type) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX;
    case 'long':
      return typeof v === 'number' && Number.isInteger(v);
    case 'float':
    case 'double':
      return typeof v === 'number';
    case 'string':
    case 'bytes':
      return typeof v === 'string';
    case 'enum':
      return typeof v === 'string' && node.symbolIndex.has(v);
    case 'fixed':
      return typeof v === 'string' && v.length === node.size;
    case 'array':
      return Array.isArray(v) && v.every((x) => conforms(node.items, x, depth + 1));
    case 'map':
      return isObject(v) && Object.keys(v).every((k) => conforms(node.values, v[k], depth + 1));
    case 'record':
      return isObject(v) && node.fields.every((f) => Object.hasOwn(v, f.name) && conforms(f.type, v[f.name], depth + 1));
    case 'union':
      return writerBranch(node, v) >= 0;
  }
}

/** The index of the branch of a writer's union that `v` was written as, or -1 when none fits. */
export function writerBranch(union: UnionNode, v: unknown): number {
  const bs = union.branches;
  // Fast answers for the common optional field ["null", T] without walking T.
  if (v === null) {
    for (let i = 0; i < bs.length; i++) if (bs[i]!.type === 'null') return i;
    return -1;
  }
  for (let i = 0; i < bs.length; i++) if (bs[i]!.type !== 'null' && conforms(bs[i]!, v, 1)) return i;
  return -1;
}

/** UTF-8 bytes of a string, as a string of byte-valued code units (string → bytes promotion). */
export function utf8Encode(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** A string from UTF-8 bytes (bytes → string promotion); a malformed sequence reads as U+FFFD, as Java's decoder does. */
export function utf8Decode(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes.charCodeAt(i) & 0xff;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) {
      out += need === 0 ? String.fromCharCode(b) : '\ufffd';
      i++;
      continue;
    }
    let c = need === 0 ? b : b & (0x3f >> need);
    let good = true;
    for (let k = 1; k <= need; k++) {
      const cont = bytes.charCodeAt(i + k) & 0xff;
      if ((cont & 0xc0) !== 0x80) good = false;
      c = (c << 6) | (cont & 63);
    }
    if (!good) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}
