/**
 * The small pieces every resolution plan is built from: the plan shape, the lazy error that makes
 * one datum unreadable (with the path it unwinds through), Avro's promotion table.
 *
 * Split from resolve-datum.ts so the planner reads as the rules it follows.
 */
import { isNamed, type SchemaNode } from './types.ts';

/** Raised inside a read; becomes the error value. `path` grows as it unwinds (field names, indexes). */
export class Unreadable extends Error {
  path: string[] = [];
}

export type Read = (v: unknown) => unknown;

export interface Plan {
  read: Read;
  /** Set when the whole plan is an error (Avro's ErrorAction): every datum reaching it fails. */
  error: string | null;
}

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

/** A plan that is an error (Avro's ErrorAction): it fails every datum that reaches it. */
export function errorPlan(message: string): Plan {
  return {
    read: () => {
      throw new Unreadable(message);
    },
    error: message,
  };
}

/** Fails the read when the value could not have been written with the writer schema. */
export function expectWriter(ok: boolean, what: string, v: unknown): void {
  if (!ok)
    throw new Unreadable(
      `the value ${JSON.stringify(v) ?? String(v)} is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}, so it was not written with the writer schema`,
    );
}

/** A type as Avro's messages name it: the full name of a named type, else the type. */
export function label(n: SchemaNode): string {
  return isNamed(n) ? n.fullName : n.type;
}

/** A JSON object (record or map), not an array or null. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A default's value for one datum: objects are copied so no two datums share one. */
export function copyDefault(v: unknown): unknown {
  return typeof v === 'object' && v !== null ? structuredClone(v) : v;
}

/** Which reader types each writer type widens to (Avro's Promote.isValid). */
export const PROMOTIONS: Partial<Record<SchemaNode['type'], readonly SchemaNode['type'][]>> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

/** Runs a read one step down `key`, so an error names the path it came from. */
export function at(key: string | number, read: Read, v: unknown): unknown {
  try {
    return read(v);
  } catch (e) {
    if (e instanceof Unreadable) e.path.unshift(String(key));
    throw e;
  }
}
