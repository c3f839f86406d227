/**
 * The learner's progress in one lesson, kept in localStorage through lessons/format/progress.ts
 * (versioned, validated, salvaged and backed up on damage). Storage problems are reported, never
 * thrown; the lesson works without storage.
 */
import { useCallback, useState } from 'react';
import {
  lessonProgress,
  readProgress,
  updateLessonProgress,
  type LessonProgress,
  type ReadReport,
  type StorageLike,
} from '../../lessons/format/progress.ts';

function storage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const memory = new Map<string, string>();
const fallback: StorageLike = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };

export function useLessonProgress(lessonId: string): {
  progress: LessonProgress;
  report: ReadReport;
  save: (patch: Partial<LessonProgress>) => void;
} {
  const [state, setState] = useState(() => {
    const read = readProgress(storage() ?? fallback);
    return { progress: lessonProgress(read.progress, lessonId), report: read.report };
  });
  const save = useCallback(
    (patch: Partial<LessonProgress>) => {
      const r = updateLessonProgress(storage() ?? fallback, lessonId, patch);
      setState({ progress: lessonProgress(r.progress, lessonId), report: r.report });
    },
    [lessonId],
  );
  return { ...state, save };
}

/** Progress of every lesson, for the index. */
export function readAllProgress() {
  return readProgress(storage() ?? fallback);
}
