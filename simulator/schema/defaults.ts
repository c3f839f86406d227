/**
 * Whether a field's `default` is a valid value of its type, as `Schema.isValidDefault` decides.
 *
 * Avro checks defaults when it parses a schema (since 1.9), so a schema whose default has the wrong
 * type is refused before any registry sees it. JSON in JavaScript has one number type, so "an
 * integral number" here means a number with no fractional part (`1.0` and `1` read the same).
 */
import type { SchemaNode } from './types.ts';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
// Java's canConvertToLong, within what a JavaScript number can hold.
// (2^63 itself is exactly representable, so the upper bound is exclusive.)
const LONG_LIMIT = 2 ** 63;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Avro's isValidValue: a union accepts a value any branch accepts. */
function isValidValue(node: SchemaNode, value: unknown): boolean {
  if (value === undefined) return false;
  if (node.type === 'union') return node.branches.some((b) => isValidDefault(b, value));
  return isValidDefault(node, value);
}

/** Whether `value` (a JSON default) is valid for `node`. `undefined` means "no default". */
export function isValidDefault(node: SchemaNode, value: unknown): boolean {
  if (value === undefined) return false;
  switch (node.type) {
    case 'string':
    case 'bytes':
    case 'enum':
    case 'fixed':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) && value >= -LONG_LIMIT && value < LONG_LIMIT;
    case 'float':
    case 'double':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value) && value.every((v) => isValidDefault(node.items, v));
    case 'map':
      return isPlainObject(value) && Object.keys(value).every((k) => isValidDefault(node.values, value[k]));
    case 'union':
      // The Java parser accepts a default matching any branch (the spec says the first).
      return node.branches.some((b) => isValidValue(b, value));
    case 'record':
      return (
        isPlainObject(value) &&
        node.fields.every((f) =>
          isValidValue(f.type, Object.hasOwn(value, f.name) ? value[f.name] : f.hasDefault ? f.defaultValue : undefined),
        )
      );
  }
}
