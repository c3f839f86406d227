/**
 * Avro names: validating a name or namespace part, splitting a dotted name, and the parse error
 * that carries the JSON pointer of what was wrong.
 *
 * Kept apart from the parser because the rules are Avro's own (NameValidator.UTF_VALIDATOR and
 * Schema.Name) and the registry's messages depend on them reading exactly the same everywhere.
 */
import { PRIMITIVE_TYPES } from './types.ts';

/** Why a schema was refused, and where (a JSON pointer into the input). */
export class SchemaParseError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const PRIMITIVES: ReadonlySet<string> = new Set(PRIMITIVE_TYPES);

/** Avro's default validator: Java's Character.isLetter / isLetterOrDigit, approximated by Unicode classes. */
const NAME_RE = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;
/** The common case, checked first because the Unicode classes are slower to match. */
const ASCII_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks one name or namespace part as Avro's default validator does. */
export function validateName(name: unknown, path: string, what = 'Name'): string {
  if (typeof name !== 'string') throw new SchemaParseError(`${what} is missing or not a string`, path);
  if (name.length === 0) throw new SchemaParseError(`${what} is empty`, path);
  if (!ASCII_NAME_RE.test(name) && !NAME_RE.test(name))
    throw new SchemaParseError(
      `${what} "${name}" is invalid: a name starts with a letter or _ and continues with letters, digits or _`,
      path,
    );
  return name;
}

/**
 * Splits a possibly dotted name into name and namespace (an unqualified name takes `space`),
 * validating every part; refuses a full name that is a primitive type.
 */
export function makeName(
  raw: unknown,
  space: string | null,
  path: string,
): { name: string; namespace: string | null; fullName: string } {
  if (typeof raw !== 'string') throw new SchemaParseError('No name in schema', path);
  const dot = raw.lastIndexOf('.');
  let ns = space;
  let name = raw;
  if (dot >= 0) {
    ns = raw.slice(0, dot);
    name = raw.slice(dot + 1);
  }
  if (ns === '') ns = null;
  validateName(name, path);
  if (ns !== null) for (const part of ns.split('.')) validateName(part, path, 'Namespace part');
  const fullName = ns === null ? name : `${ns}.${name}`;
  if (PRIMITIVES.has(fullName)) throw new SchemaParseError(`Schemas may not be named after primitives: ${fullName}`, path);
  return { name, namespace: ns, fullName };
}
