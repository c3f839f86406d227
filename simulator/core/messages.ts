/**
 * Plain-words error messages for scenario and command validation.
 *
 * zod's default messages ("Invalid input: expected int, received number") are written for
 * programmers. A learner editing a scenario file needs to be told, in words, where the problem is
 * and what to write instead. This module turns zod issues into such sentences (`plainWordsErrorMap`,
 * passed to every parse) and formats issue paths the way a JavaScript reader writes them
 * (`topics[0].partitions`). Domain-specific messages (a topic needs at least one partition) live
 * next to the rule in schema.ts and semantic-checks.ts; this map covers everything else.
 *
 * Nothing here may throw, whatever the input: describing a value must cope with cycles, bigints,
 * objects without a prototype and strings of any length.
 */
import type { z } from 'zod';

/** Formats a zod issue path as `topics[0].partitions`; the empty path is `scenario`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** The label used for the whole input when an issue has an empty path. */
export const ROOT_LABEL = 'scenario';

const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Describes a value for a message: `the number 0`, `the text "3"`, `a list`, `nothing`. */
export function describeValue(v: unknown): string {
  try {
    if (v === undefined) return 'nothing';
    if (v === null) return 'null';
    if (typeof v === 'number') return `the number ${String(v)}`;
    if (typeof v === 'string') return `the text ${quote(v)}`;
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'bigint') return `the big integer ${v.toString()}`;
    if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
    if (typeof v === 'object') return 'an object';
    return `a value of type ${typeof v}`;
  } catch {
    return 'an unreadable value';
  }
}

const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text (a JSON string)',
  boolean: 'true or false',
  array: 'a list (a JSON array)',
  object: 'an object',
  record: 'an object',
  null: 'null',
  nonoptional: 'a value',
};

function expectedWords(expected: string): string {
  return EXPECTED_WORDS[expected] ?? expected;
}

function literal(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Lists allowed values as `"a", "b" or "c"`. */
export function oneOf(values: readonly unknown[]): string {
  const parts = values.map(literal);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** Levenshtein distance, bounded: used only to suggest a field name for a typo. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The allowed name closest to `name` when it is a plausible typo of it, else undefined. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  for (const a of allowed) {
    const d = editDistance(name, a);
    if (d <= bestD && (best === undefined || d < editDistance(name, best))) {
      best = a;
      bestD = d;
    }
  }
  return best;
}

/** How many known names a "did you mean" suggestion compares against. */
const SUGGEST_FROM_MAX = 500;

function listNames(names: Iterable<string>): string {
  const all = [...names];
  if (all.length === 0) return 'none are defined';
  const shown = all.slice(0, 8).join(', ');
  return `defined: ${shown}${all.length > 8 ? `, ... (${all.length} in all)` : ''}`;
}

/**
 * A reference to something that does not exist, with the names that do and a guess at a typo:
 * `group "g" subscribes to topic "payment", which is not defined in topics (defined: payments).
 * Did you mean "payments"?` Without a lead: `there is no consumer "c9" in ...`.
 */
export function missing(kind: string, name: string, known: Iterable<string>, where: string, lead?: string): string {
  const names = [...known];
  // A typo is looked for among the first names only, so a message costs the same with 10,000.
  const near = kind === 'broker' ? undefined : closestName(name, names.slice(0, SUGGEST_FROM_MAX));
  const hint = near === undefined ? '' : ` Did you mean "${near}"?`;
  const shown = kind === 'broker' ? name : `"${name}"`;
  const head =
    lead === undefined
      ? `there is no ${kind} ${shown} in ${where}`
      : `${lead} ${kind} ${shown}, which is not defined in ${where}`;
  return `${head} (${listNames(names)}).${hint}`;
}

function unknownFieldsMessage(keys: readonly string[], allowed: readonly string[]): string {
  const parts = keys.map((k) => {
    const near = closestName(k, allowed);
    return near === undefined ? `"${k}"` : `"${k}" (did you mean "${near}"?)`;
  });
  const head = keys.length === 1 ? `unknown field ${parts[0]}` : `unknown fields ${parts.join(', ')}`;
  return `${head}; the fields allowed here are ${allowed.join(', ')}`;
}

function shapeKeys(inst: unknown): string[] {
  try {
    const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def?.shape;
    return shape === undefined ? [] : Object.keys(shape);
  } catch {
    return [];
  }
}

function sizeWords(origin: string, n: number | bigint, got: unknown, bound: 'least' | 'most'): string | undefined {
  if (origin === 'array' && Array.isArray(got)) {
    return `needs at ${bound} ${n} item${n === 1 ? '' : 's'}, got ${got.length}`;
  }
  if (origin === 'string' && typeof got === 'string') {
    if (bound === 'least' && n === 1) return 'must not be empty';
    return `must have at ${bound} ${n} characters, got ${got.length}`;
  }
  return undefined;
}

/**
 * The error map passed to every parse: a sentence for each kind of issue zod can raise. Messages
 * set on a schema or by a refinement take precedence over this map, as zod documents.
 */
export const plainWordsErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return `is required: expected ${expectedWords(iss.expected)}`;
      if (iss.expected === 'int' && typeof iss.input === 'number' && Number.isFinite(iss.input)) {
        return `expected a whole number, got ${describeValue(iss.input)}`;
      }
      return `expected ${expectedWords(iss.expected)}, got ${describeValue(iss.input)}`;
    }
    case 'too_small': {
      const words = sizeWords(iss.origin, iss.minimum, iss.input, 'least');
      if (words !== undefined) return words;
      const rel = iss.inclusive === false ? 'greater than' : 'at least';
      return `must be ${rel} ${String(iss.minimum)}, got ${describeValue(iss.input)}`;
    }
    case 'too_big': {
      const words = sizeWords(iss.origin, iss.maximum, iss.input, 'most');
      if (words !== undefined) return `${words} (the simulator's limit)`;
      const rel = iss.inclusive === false ? 'less than' : 'at most';
      return `must be ${rel} ${String(iss.maximum)} (the simulator's limit), got ${describeValue(iss.input)}`;
    }
    case 'invalid_value':
      if (iss.values.length === 1) return `must be ${literal(iss.values[0])}, got ${describeValue(iss.input)}`;
      return `must be one of ${oneOf(iss.values)}, got ${describeValue(iss.input)}`;
    case 'unrecognized_keys':
      return unknownFieldsMessage(iss.keys, shapeKeys(iss.inst));
    case 'invalid_union': {
      if (iss.discriminator !== undefined && Array.isArray(iss.options)) {
        const options: readonly unknown[] = iss.options;
        const input = iss.input as Record<string, unknown> | undefined;
        const d = iss.discriminator;
        const got = input !== null && typeof input === 'object' ? input[d] : undefined;
        if (got === undefined) return `is required: expected one of ${oneOf(options)}`;
        return `unknown ${d} ${typeof got === 'string' ? quote(got) : describeValue(got)}; expected one of ${oneOf(options)}`;
      }
      return `is not in any of the accepted forms, got ${describeValue(iss.input)}`;
    }
    case 'invalid_format':
      return `has the wrong format, got ${describeValue(iss.input)}`;
    case 'invalid_key': {
      const inner = iss.issues[0]?.message;
      return inner === undefined ? 'has a field name that is not allowed' : inner;
    }
    default:
      return undefined;
  }
};
