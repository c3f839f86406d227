/**
 * Progress for one page session, when storage cannot be trusted to take it.
 *
 * progress.ts reads and writes storage defensively, but a write can still fail: the quota is
 * full, storage is blocked (private modes, some embedded browsers), or the saved value is
 * damaged and could not be backed up, so it must not be overwritten. Before this module the
 * learner's next steps were then refused silently. A session keeps them in memory instead (for
 * as long as the page lives), keeps trying storage on later saves, and its report says
 * `sessionOnly` so the UI can tell the learner. `progressNotice` is the sentence to show; it
 * never claims a copy that was not made.
 */
import {
  emptyProgress,
  lessonProgress,
  PROGRESS_VERSION,
  readProgress,
  updateLessonProgress,
  type LessonProgress,
  type ProgressData,
  type ReadReport,
  type ReadResult,
  type StorageLike,
} from './progress.ts';

export interface ProgressSession {
  /** What storage holds, or this session's progress when storage could not take it. */
  read(): ReadResult;
  /** Saves one lesson's progress: to storage when possible, else in memory for the session. */
  update(lessonId: string, patch: Partial<LessonProgress>): ReadResult & { written: boolean };
}

const unavailable = (): ReadResult => ({
  progress: emptyProgress(),
  report: { status: 'unavailable', recovered: [], dropped: [], fromVersion: null, backupKey: null },
});

/**
 * A session over a storage that may be missing (`undefined`: window.localStorage threw), full or
 * throwing. Memory takes over from the first write storage refuses and stays the source of truth
 * for the session, because the stored value is then older than what the learner did.
 */
export function createProgressSession(storage: StorageLike | undefined): ProgressSession {
  let memory: ProgressData | null = null;

  const withMemory = (r: ReadResult): ReadResult =>
    memory === null ? r : { progress: memory, report: { ...r.report, sessionOnly: true } };

  return {
    read() {
      return withMemory(storage === undefined ? unavailable() : readProgress(storage));
    },
    update(lessonId, patch) {
      if (storage !== undefined) {
        if (memory !== null) {
          // Storage refused before: bring it this session's other lessons too, if it takes them now.
          for (const [id, entry] of Object.entries(memory.lessons)) {
            if (id === lessonId.toUpperCase()) continue;
            if (!updateLessonProgress(storage, id, entry).written) break;
          }
        }
        const r = updateLessonProgress(storage, lessonId, { ...memoryEntry(memory, lessonId), ...patch });
        if (r.written && storageHasAll(storage, memory)) {
          memory = null;
          return r;
        }
        memory = mergeInto(memory ?? r.progress, r.wanted);
        return { progress: memory, report: { ...r.report, sessionOnly: true }, written: false };
      }
      const base = memory ?? emptyProgress();
      const entry = { ...lessonProgress(base, lessonId), ...patch };
      memory = { v: PROGRESS_VERSION, lessons: { ...base.lessons, [lessonId.toUpperCase()]: entry } };
      return { progress: memory, report: { ...unavailable().report, sessionOnly: true }, written: false };
    },
  };
}

function memoryEntry(memory: ProgressData | null, lessonId: string): Partial<LessonProgress> {
  return memory === null ? {} : lessonProgress(memory, lessonId);
}

function mergeInto(base: ProgressData, wanted: ProgressData | undefined): ProgressData {
  return wanted === undefined ? base : { v: PROGRESS_VERSION, lessons: { ...base.lessons, ...wanted.lessons } };
}

/** True when storage now holds every lesson the session kept in memory (so memory can go). */
function storageHasAll(storage: StorageLike, memory: ProgressData | null): boolean {
  if (memory === null) return true;
  const stored = readProgress(storage).progress;
  return Object.keys(memory.lessons).every((id) => stored.lessons[id] !== undefined);
}

/** The sentence to show about saved progress, or null when there is nothing to say. */
export function progressNotice(report: ReadReport): string | null {
  const sessionOnly =
    'Your progress is kept for this session only and will be lost when you close the tab; free some space or allow storage for this site to keep it.';
  if (report.status === 'unavailable') return `This browser does not let the page save progress. ${sessionOnly}`;
  const damaged = report.status === 'recovered' || report.status === 'unreadable';
  if (damaged && report.backupKey !== null) {
    const head = `Some saved progress could not be read and was set aside (a copy is kept in this browser under “${report.backupKey}”). What could be read is kept.`;
    return report.sessionOnly === true ? `${head} ${sessionOnly}` : head;
  }
  if (damaged) {
    // No copy could be made, so the stored value is left exactly as it was: nothing is lost.
    return `Some saved progress could not be read, and there was no room to copy it aside, so it is left untouched in storage. ${sessionOnly}`;
  }
  if (report.sessionOnly === true)
    return `Your progress could not be saved: this browser's storage is full or blocked. ${sessionOnly}`;
  return null;
}
