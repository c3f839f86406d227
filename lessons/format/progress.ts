/**
 * The learner's progress through the lessons, kept in localStorage.
 *
 * Saved data outlives the code that wrote it: a learner comes back after an update, a browser
 * extension scribbles on storage, a tab crashes halfway through a write. So reading is defensive
 * and never destructive:
 *
 * - nothing here throws, whatever the storage holds or however the storage itself fails (Safari's
 *   private mode throws on setItem; some embedded browsers throw on getItem);
 * - a value is validated with zod, entry by entry and field by field, and whatever is still
 *   readable is kept (salvaged) rather than the whole value being thrown away;
 * - when anything had to be dropped, the raw value is first copied, unchanged, to a backup key,
 *   and the main key is only rewritten if that copy succeeded — so no byte the learner had is
 *   lost without a copy;
 * - every read says what happened (`status`, what was recovered and dropped), so the UI can tell
 *   the learner instead of failing silently, and never claims a backup that was not written;
 * - when storage is full or throws, a session (`createProgressSession`) keeps the learner's
 *   progress in memory for as long as the page lives, and says so;
 * - a byte order mark before the JSON (an editor or a sync tool may add one) is not damage.
 * - older formats are migrated step by step to the current one.
 *
 * Format history: v1 is the first format that shipped. Before it there is only "v0", an
 * unversioned object of lesson entries (`{ "L13": {…} }`, what a plain JSON.stringify of the map
 * would give); reading it is supported so a save written without the envelope is not lost, and
 * `migrations` is where a v1 → v2 step goes when the format next changes.
 *
 * The functions take a Storage-like object so they run in node tests and in the browser alike.
 */
import { z } from 'zod';

export const PROGRESS_KEY = 'eda-lab:progress';
/** Where the raw value goes when part of it could not be read. */
export const PROGRESS_BACKUP_KEY = 'eda-lab:progress:backup';
/** The backup before that one, so two successive recoveries do not overwrite each other's copy. */
export const PROGRESS_BACKUP_PREVIOUS_KEY = 'eda-lab:progress:backup:previous';
export const PROGRESS_VERSION = 1;

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LessonProgress {
  /** Index of the step the learner is on (0-based). */
  stepIndex: number;
  /** Id of that step, so progress survives steps being inserted before it; null if unknown. */
  stepId: string | null;
  completed: boolean;
  /** The predict option the learner chose, or null before choosing. */
  predictAnswer: string | null;
}

export interface ProgressData {
  v: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
}

export type ReadStatus =
  /** Nothing saved yet. */
  | 'empty'
  /** Read as saved. */
  | 'ok'
  /** An older format, converted without loss. */
  | 'migrated'
  /** Part of the value was unreadable; what was readable is kept and the raw value backed up. */
  | 'recovered'
  /** Nothing was readable; the raw value is backed up and progress starts empty. */
  | 'unreadable'
  /** Storage itself failed (blocked, throws); progress starts empty and nothing is written. */
  | 'unavailable';

export interface ReadReport {
  status: ReadStatus;
  /** Lesson ids whose entries were kept (all of them, or the salvaged ones). */
  recovered: string[];
  /** Lesson ids, or `field of id`, or a description, for what could not be kept. */
  dropped: string[];
  /** The version found in storage, when there was one. */
  fromVersion: number | null;
  /** Where the raw value was copied, when a copy was needed and succeeded. */
  backupKey: string | null;
  /**
   * True when this session's progress is held in memory only, because storage could not be
   * written (full, blocked, or damaged data that could not be backed up first).
   */
  sessionOnly?: boolean;
}

export interface ReadResult {
  progress: ProgressData;
  report: ReadReport;
}

const LESSON_ID = /^L\d{2}$/;
const stepIndex = z.number().int().min(0).max(10_000);
const shortText = z.string().min(1).max(200);
const fieldSchemas = {
  stepIndex,
  stepId: shortText.nullable(),
  completed: z.boolean(),
  predictAnswer: shortText.nullable(),
} as const;
const defaults: LessonProgress = { stepIndex: 0, stepId: null, completed: false, predictAnswer: null };

const lessonEntrySchema = z.object(fieldSchemas).strict();

/** The whole current format, strictly: what `writeProgress` produces. */
export const progressSchema = z.object({
  v: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string().regex(LESSON_ID), lessonEntrySchema),
});

export function emptyProgress(): ProgressData {
  return { v: PROGRESS_VERSION, lessons: {} };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Reads one lesson entry field by field: a field that fails validation falls back to its default
 * and is reported; an entry with no readable field at all is dropped.
 */
function salvageEntry(id: string, raw: unknown, dropped: string[]): LessonProgress | undefined {
  if (!isPlainObject(raw)) {
    dropped.push(id);
    return undefined;
  }
  const out: LessonProgress = { ...defaults };
  let readable = 0;
  for (const key of Object.keys(fieldSchemas) as Array<keyof LessonProgress>) {
    if (!(key in raw)) continue;
    const parsed = fieldSchemas[key].safeParse(raw[key]);
    if (parsed.success) {
      (out as unknown as Record<string, unknown>)[key] = parsed.data;
      readable++;
    } else dropped.push(`${key} of ${id}`);
  }
  for (const key of Object.keys(raw)) if (!(key in fieldSchemas)) dropped.push(`${key} of ${id}`);
  if (readable === 0) {
    dropped.push(id);
    return undefined;
  }
  return out;
}

function salvageLessons(raw: unknown, dropped: string[]): Record<string, LessonProgress> {
  const lessons: Record<string, LessonProgress> = {};
  if (!isPlainObject(raw)) {
    dropped.push('the lessons table');
    return lessons;
  }
  for (const [id, entry] of Object.entries(raw)) {
    if (!LESSON_ID.test(id)) {
      dropped.push(id.slice(0, 40));
      continue;
    }
    const kept = salvageEntry(id, entry, dropped);
    if (kept !== undefined) lessons[id] = kept;
  }
  return lessons;
}

/**
 * Steps from each older version to the next. v0 (no envelope, lesson entries at the top level)
 * becomes v1 by wrapping. Each step returns the raw shape of the next version; salvage runs after.
 */
const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  0: (raw) => ({ v: 1, lessons: raw }),
};

/** The version a stored value says it is: a number, 0 when it has no envelope, null when unknowable. */
function versionOf(raw: Record<string, unknown>): number | null {
  if ('v' in raw) return typeof raw.v === 'number' && Number.isInteger(raw.v) && raw.v >= 0 ? raw.v : null;
  if ('lessons' in raw) return null;
  return 0;
}

/**
 * Parses a stored string into progress, without touching storage. Never throws. `backupKey` in
 * the report is always null here; `readProgress` fills it in when it made the copy.
 */
export function parseProgress(raw: string | null): ReadResult {
  const report = (status: ReadStatus, recovered: string[], dropped: string[], fromVersion: number | null): ReadReport => ({
    status,
    recovered,
    dropped,
    fromVersion,
    backupKey: null,
  });
  if (raw === null || raw === '') return { progress: emptyProgress(), report: report('empty', [], [], null) };
  let json: unknown;
  try {
    // JSON.parse refuses a leading byte order mark; the value after it is the learner's.
    json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch {
    return { progress: emptyProgress(), report: report('unreadable', [], ['the saved value is not JSON'], null) };
  }
  if (!isPlainObject(json)) {
    return { progress: emptyProgress(), report: report('unreadable', [], ['the saved value is not an object'], null) };
  }
  const strict = progressSchema.safeParse(json);
  if (strict.success) {
    const progress = strict.data as ProgressData;
    return { progress, report: report('ok', Object.keys(progress.lessons), [], PROGRESS_VERSION) };
  }

  const from = versionOf(json);
  const dropped: string[] = [];
  let current: Record<string, unknown> = json;
  if (from !== null && from > PROGRESS_VERSION) {
    // A newer build wrote this. Keep what this build understands; the raw value is backed up.
    dropped.push(`format v${from} is newer than this version of the app (v${PROGRESS_VERSION})`);
  } else if (from === null) {
    dropped.push('the format version');
  } else {
    for (let v = from; v < PROGRESS_VERSION; v++) current = migrations[v]!(current);
  }
  const lessons = salvageLessons(current.lessons, dropped);
  for (const key of Object.keys(current)) if (key !== 'v' && key !== 'lessons') dropped.push(key.slice(0, 40));
  const recovered = Object.keys(lessons);
  const progress: ProgressData = { v: PROGRESS_VERSION, lessons };
  const migratedCleanly = from !== null && from < PROGRESS_VERSION && dropped.length === 0;
  const status: ReadStatus = migratedCleanly ? 'migrated' : recovered.length > 0 ? 'recovered' : 'unreadable';
  return { progress, report: report(status, recovered, dropped, from) };
}

function tryGet(storage: StorageLike, key: string): { ok: true; value: string | null } | { ok: false } {
  try {
    const value = storage.getItem(key);
    return { ok: true, value: typeof value === 'string' ? value : null };
  } catch {
    return { ok: false };
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

/** Copies a raw value to the backup key, keeping the previous backup one generation back. */
function backUp(storage: StorageLike, raw: string): boolean {
  const existing = tryGet(storage, PROGRESS_BACKUP_KEY);
  if (existing.ok && existing.value === raw) return true;
  if (existing.ok && existing.value !== null && !trySet(storage, PROGRESS_BACKUP_PREVIOUS_KEY, existing.value)) return false;
  return trySet(storage, PROGRESS_BACKUP_KEY, raw);
}

/**
 * Reads progress from storage. When part of the value had to be dropped (or it was unreadable),
 * the raw value is backed up first; the main key itself is left as it is until the next write.
 */
export function readProgress(storage: StorageLike): ReadResult {
  const got = tryGet(storage, PROGRESS_KEY);
  if (!got.ok) {
    const report: ReadReport = { status: 'unavailable', recovered: [], dropped: [], fromVersion: null, backupKey: null };
    return { progress: emptyProgress(), report };
  }
  const result = parseProgress(got.value);
  const lossy = result.report.dropped.length > 0;
  if (lossy && got.value !== null && backUp(storage, got.value)) result.report.backupKey = PROGRESS_BACKUP_KEY;
  return result;
}

/** Writes progress (validated, so only the current format is ever written). False if it could not. */
export function writeProgress(storage: StorageLike, progress: ProgressData): boolean {
  const checked = progressSchema.safeParse(progress);
  if (!checked.success) return false;
  return trySet(storage, PROGRESS_KEY, JSON.stringify(checked.data));
}

/**
 * Updates one lesson's progress: read (salvaging and backing up as needed), merge, write. If the
 * stored value lost something and its backup could not be made, nothing is written, so the only
 * copy of the learner's data is never overwritten. Returns the progress now in effect and the
 * read report.
 */
export function updateLessonProgress(
  storage: StorageLike,
  lessonId: string,
  patch: Partial<LessonProgress>,
): ReadResult & { written: boolean; wanted?: ProgressData } {
  const read = readProgress(storage);
  const id = lessonId.toUpperCase();
  const merged = { ...defaults, ...read.progress.lessons[id], ...patch };
  const entry = lessonEntrySchema.safeParse(merged);
  if (!LESSON_ID.test(id) || !entry.success) return { ...read, written: false };
  const progress: ProgressData = { v: PROGRESS_VERSION, lessons: { ...read.progress.lessons, [id]: entry.data } };
  const mayWrite = read.report.status !== 'unavailable' && (read.report.dropped.length === 0 || read.report.backupKey !== null);
  const written = mayWrite && writeProgress(storage, progress);
  return { progress: written ? progress : read.progress, report: read.report, written, wanted: progress };
}

/** The progress of one lesson, or the defaults (step 0, not completed) when there is none. */
export function lessonProgress(progress: ProgressData, lessonId: string): LessonProgress {
  return progress.lessons[lessonId.toUpperCase()] ?? { ...defaults };
}
