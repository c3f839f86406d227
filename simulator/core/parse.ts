/**
 * Checking untrusted input against a zod schema, as a Result: the one door through which scenario
 * files, share links, scripts and the CLI bring data into any model. It never throws, whatever it
 * is given: bad JSON, a wrong type, an unknown field all come back as a SimError with the path of
 * the first problem, a message a learner can act on, and the full list of problems (so a file with
 * three mistakes is fixed in one go, not three).
 */
import type { z } from 'zod';
import type { ErrorCode, SimError } from './errors.ts';
import { formatPath, plainWordsErrorMap } from './messages.ts';

/** One problem in the input: where it is (`topics[0].partitions`, '' for the whole input) and what. */
export interface ScenarioIssue {
  path: string;
  /** The full sentence, starting with the path: `topics[0].partitions: a topic needs ...`. */
  message: string;
}

/** A SimError that also lists every problem found; `message` and `path` are the first one's. */
export interface ScenarioLoadError extends SimError {
  issues: ScenarioIssue[];
}

/** The result of loading: a Result<T> whose error also carries the issue list. */
export type LoadResult<T> = { ok: true; value: T } | { ok: false; error: ScenarioLoadError };

/** Where in a JSON text a parse error is, from the position V8 reports (if it does). */
function jsonErrorPlace(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  if (m === null) return '';
  const pos = Math.min(Number(m[1]), text.length);
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return ` at line ${line}, column ${col}`;
}

function failWith(code: ErrorCode, issues: ScenarioIssue[]): { ok: false; error: ScenarioLoadError } {
  const first = issues[0]!;
  const error: ScenarioLoadError = { code, message: first.message, issues };
  if (first.path !== '') error.path = first.path;
  return { ok: false, error };
}

function issue(path: string, what: string, rootLabel: string): ScenarioIssue {
  return { path, message: `${path === '' ? rootLabel : path}: ${what}` };
}

/** Turns zod issues into ours: paths formatted, one unknown field pointed at directly, no repeats. */
function toIssues(zodIssues: readonly z.core.$ZodIssue[], rootLabel: string): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const seen = new Set<string>();
  for (const zi of zodIssues) {
    const path = zi.code === 'unrecognized_keys' && zi.keys.length === 1 ? [...zi.path, zi.keys[0]!] : zi.path;
    const one = issue(formatPath(path), zi.message, rootLabel);
    if (!seen.has(one.message)) {
      seen.add(one.message);
      out.push(one);
    }
  }
  return out;
}

export function parseWithSchema<T>(schema: z.ZodType<T>, input: unknown, code: ErrorCode, rootLabel: string): LoadResult<T> {
  try {
    let value = input;
    if (typeof input === 'string') {
      const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
      if (text.trim() === '') return failWith(code, [issue('', 'is empty; expected a JSON object', rootLabel)]);
      try {
        value = JSON.parse(text);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return failWith(code, [issue('', `is not valid JSON${jsonErrorPlace(text, err)} (${why})`, rootLabel)]);
      }
    }
    const r = schema.safeParse(value, { error: plainWordsErrorMap });
    if (r.success) return { ok: true, value: r.data };
    const issues = toIssues(r.error.issues, rootLabel);
    if (issues.length === 0) return failWith(code, [issue('', 'is not valid', rootLabel)]);
    return failWith(code, issues);
  } catch (err) {
    // A programming error in a check must still not escape to the learner as an exception.
    const why = err instanceof Error ? err.message : 'unknown error';
    return failWith(code, [issue('', `could not be checked (${why})`, rootLabel)]);
  }
}
