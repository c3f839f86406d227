/**
 * The learner's practice record, in localStorage beside lesson progress and kept the same way
 * (lessons/format/progress.ts): versioned, validated entry by entry, salvaged rather than thrown
 * away, and never silently wiped — when anything stored cannot be read, the raw value is copied to
 * a backup key first, and nothing is written over it unless that copy succeeded.
 *
 * Per exercise: the state (attempted, passed — passing once stays passed), the last design
 * checked, the learner's "explain your choice" text, the number of checks, and how the last check
 * went. Format history: v1 is the first.
 */
import { z } from 'zod';
import type { StorageLike } from '../../lessons/format/progress.ts';

export const PRACTICE_KEY = 'eda-lab:practice';
export const PRACTICE_BACKUP_KEY = 'eda-lab:practice:backup';
export const PRACTICE_VERSION = 1;

export type ExerciseState = 'not-started' | 'attempted' | 'passed';

export interface ExerciseRecord {
  state: 'attempted' | 'passed';
  /** The last design checked (validated again by the grader when it is used). */
  design: unknown;
  explanation: string;
  attempts: number;
  /** The last check: checks held out of all. */
  last: { passed: boolean; held: number; total: number } | null;
}

export interface PracticeData {
  v: typeof PRACTICE_VERSION;
  exercises: Record<string, ExerciseRecord>;
}

export interface PracticeRead {
  data: PracticeData;
  /** 'ok' (or 'empty'), 'recovered' (part kept, raw backed up), 'unreadable', 'unavailable'. */
  status: 'empty' | 'ok' | 'recovered' | 'unreadable' | 'unavailable';
  dropped: string[];
  /** The backup key, when the raw value had to be copied and was. */
  backupKey: string | null;
}

const EXERCISE_ID = /^X\d{2}$/;
const explanationMax = 4_000;
const fields = {
  state: z.enum(['attempted', 'passed']),
  design: z.unknown(),
  explanation: z.string().max(explanationMax),
  attempts: z.int().min(0).max(1_000_000),
  last: z.strictObject({ passed: z.boolean(), held: z.int().min(0), total: z.int().min(0) }).nullable(),
} as const;
const entrySchema = z.strictObject(fields);
const dataSchema = z.strictObject({
  v: z.literal(PRACTICE_VERSION),
  exercises: z.record(z.string().regex(EXERCISE_ID), entrySchema),
});

const empty = (): PracticeData => ({ v: PRACTICE_VERSION, exercises: {} });
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads one entry field by field; an entry without a readable state is dropped. */
function salvage(id: string, raw: unknown, dropped: string[]): ExerciseRecord | undefined {
  if (!isObject(raw)) {
    dropped.push(id);
    return undefined;
  }
  const state = fields.state.safeParse(raw.state);
  if (!state.success) {
    dropped.push(id);
    return undefined;
  }
  const out: ExerciseRecord = { state: state.data, design: null, explanation: '', attempts: 0, last: null };
  for (const key of ['design', 'explanation', 'attempts', 'last'] as const) {
    if (!(key in raw)) continue;
    const p = fields[key].safeParse(raw[key]);
    if (p.success) (out as unknown as Record<string, unknown>)[key] = p.data;
    else dropped.push(`${key} of ${id}`);
  }
  return out;
}

export function parsePractice(raw: string | null): Omit<PracticeRead, 'backupKey'> {
  if (raw === null || raw === '') return { data: empty(), status: 'empty', dropped: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch {
    return { data: empty(), status: 'unreadable', dropped: ['the saved value is not JSON'] };
  }
  const strict = dataSchema.safeParse(json);
  if (strict.success) return { data: strict.data as PracticeData, status: 'ok', dropped: [] };
  if (!isObject(json)) return { data: empty(), status: 'unreadable', dropped: ['the saved value is not an object'] };
  const dropped: string[] = [];
  if (json.v !== PRACTICE_VERSION) dropped.push(`format version ${String(json.v).slice(0, 20)}`);
  const exercises: Record<string, ExerciseRecord> = {};
  if (isObject(json.exercises)) {
    for (const [id, entry] of Object.entries(json.exercises)) {
      if (!EXERCISE_ID.test(id)) {
        dropped.push(id.slice(0, 40));
        continue;
      }
      const kept = salvage(id, entry, dropped);
      if (kept) exercises[id] = kept;
    }
  } else dropped.push('the exercises table');
  const kept = Object.keys(exercises).length > 0;
  return { data: { v: PRACTICE_VERSION, exercises }, status: kept ? 'recovered' : 'unreadable', dropped };
}

function tryGet(storage: StorageLike, key: string): string | null | undefined {
  try {
    return storage.getItem(key);
  } catch {
    return undefined;
  }
}

function trySet(storage: StorageLike, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Reads the practice record; backs up the raw value first when part of it cannot be kept. */
export function readPractice(storage: StorageLike): PracticeRead {
  const raw = tryGet(storage, PRACTICE_KEY);
  if (raw === undefined) return { data: empty(), status: 'unavailable', dropped: [], backupKey: null };
  const r = parsePractice(raw);
  const lossy = r.dropped.length > 0 && raw !== null;
  const backedUp = lossy && (tryGet(storage, PRACTICE_BACKUP_KEY) === raw || trySet(storage, PRACTICE_BACKUP_KEY, raw));
  return { ...r, backupKey: backedUp ? PRACTICE_BACKUP_KEY : null };
}

/** The state an exercise shows in the list. */
export function exerciseState(data: PracticeData, id: string): ExerciseState {
  return data.exercises[id]?.state ?? 'not-started';
}

/**
 * Updates one exercise's record: read (salvaging), merge, write. Nothing is written when stored
 * data that could not be read was not backed up first. Returns the record now in effect.
 */
export function updateExercise(
  storage: StorageLike,
  id: string,
  patch: (prev: ExerciseRecord | undefined) => ExerciseRecord,
): { data: PracticeData; written: boolean; read: PracticeRead } {
  const read = readPractice(storage);
  if (!EXERCISE_ID.test(id)) return { data: read.data, written: false, read };
  const next = entrySchema.safeParse(patch(read.data.exercises[id]));
  if (!next.success) return { data: read.data, written: false, read };
  const data: PracticeData = { v: PRACTICE_VERSION, exercises: { ...read.data.exercises, [id]: next.data as ExerciseRecord } };
  const mayWrite = read.status !== 'unavailable' && (read.dropped.length === 0 || read.backupKey !== null);
  const written = mayWrite && trySet(storage, PRACTICE_KEY, JSON.stringify(data));
  return { data, written, read };
}

/** The record after a check: passing once stays passed; the explanation is kept with the attempt. */
export function recordAttempt(
  prev: ExerciseRecord | undefined,
  attempt: { design: unknown; explanation: string; passed: boolean; held: number; total: number },
): ExerciseRecord {
  return {
    state: attempt.passed || prev?.state === 'passed' ? 'passed' : 'attempted',
    design: attempt.design,
    explanation: attempt.explanation.slice(0, explanationMax),
    attempts: (prev?.attempts ?? 0) + 1,
    last: { passed: attempt.passed, held: attempt.held, total: attempt.total },
  };
}
