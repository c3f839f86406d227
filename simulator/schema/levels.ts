/**
 * Compatibility levels as Confluent Schema Registry applies them to a subject's history.
 *
 * Confluent's `CompatibilityChecker` turns each level into a strategy and a reach:
 * - BACKWARD: the new schema must read data written with the old one (new = reader);
 * - FORWARD: the old schema must read data written with the new one (old = reader);
 * - FULL: both, the forward question asked first;
 * - without `_TRANSITIVE` only the latest version is checked; with it, every version, newest first,
 *   stopping at the first version that fails (its messages are the answer);
 * - NONE checks nothing.
 * Avro's reader/writer check (compatibility.ts) answers each question, so every verdict here is
 * exactly the one the registry would give; the messages add the level and the version that broke.
 */
import { AmbiguousFieldError, readerWriterCompatibility } from './compatibility.ts';
import { describeIncompatibility } from './messages.ts';
import type { SchemaNode } from './types.ts';

export const COMPATIBILITY_LEVELS = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;

/** A Confluent compatibility level. BACKWARD is the registry's default. */
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export const DEFAULT_LEVEL: CompatibilityLevel = 'BACKWARD';

/** An earlier schema and how messages name it (`version 3`). */
export interface EarlierSchema {
  node: SchemaNode;
  label: string;
}

export interface LevelVerdict {
  compatible: boolean;
  messages: string[];
  /** Where the first broken rule is, in the schema that had to read (a JSON pointer), when known. */
  location?: string;
}

interface Found {
  messages: string[];
  location?: string;
}

/** Can `reader` read everything `writer` wrote? Messages name the roles as the registry does. */
function canRead(reader: SchemaNode, writer: SchemaNode, readerRole: string, writerRole: string, intro: string): Found {
  try {
    const r = readerWriterCompatibility(reader, writer);
    const roles = { reader: readerRole, writer: writerRole };
    const messages = r.incompatibilities.map((inc) => `${intro}: ${describeIncompatibility(inc, roles)}`);
    const first = r.incompatibilities[0];
    return first === undefined ? { messages } : { messages, location: first.location };
  } catch (e) {
    if (e instanceof AmbiguousFieldError) return { messages: [`${intro}: ${e.message}, so Avro cannot decide which to read.`] };
    throw e;
  }
}

function checkOne(level: CompatibilityLevel, earlier: EarlierSchema, candidate: SchemaNode): Found {
  const backward = (): Found =>
    canRead(candidate, earlier.node, 'new', 'old', `${level}: the new schema cannot read data written with ${earlier.label}`);
  const forward = (): Found =>
    canRead(earlier.node, candidate, 'old', 'new', `${level}: ${earlier.label} cannot read data written with the new schema`);
  if (level.startsWith('BACKWARD')) return backward();
  if (level.startsWith('FORWARD')) return forward();
  const f = forward();
  const b = backward();
  const location = f.location ?? b.location;
  const messages = [...f.messages, ...b.messages];
  return location === undefined ? { messages } : { messages, location };
}

/**
 * Whether `candidate` may follow `earlierOldestFirst` under `level`, and if not, why: every message
 * names the level, the earlier version, the Avro rule that broke and where.
 */
export function checkLevel(
  level: CompatibilityLevel,
  earlierOldestFirst: readonly EarlierSchema[],
  candidate: SchemaNode,
): LevelVerdict {
  if (level === 'NONE' || earlierOldestFirst.length === 0) return { compatible: true, messages: [] };
  const transitive = level.endsWith('_TRANSITIVE');
  const last = earlierOldestFirst.length - 1;
  const stop = transitive ? 0 : last;
  for (let i = last; i >= stop; i--) {
    const found = checkOne(level, earlierOldestFirst[i]!, candidate);
    if (found.messages.length > 0) return { compatible: false, ...found };
  }
  return { compatible: true, messages: [] };
}
