/**
 * The learner's progress in one lesson, kept in localStorage through lessons/format/progress.ts
 * (versioned, validated, salvaged and backed up on damage). Storage problems are reported, never
 * thrown; the lesson works without storage: one session per page (progress-session.ts) keeps the
 * learner's progress in memory when storage is full, blocked or missing, and says so.
 */
import { useCallback, useState } from 'react';
import { lessonProgress, type LessonProgress, type ReadReport, type StorageLike } from '../../lessons/format/progress.ts';
import { createProgressSession } from '../../lessons/format/progress-session.ts';

function storage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** One session for the page: what storage refuses stays in memory until the tab closes. */
const session = createProgressSession(storage());

export function useLessonProgress(lessonId: string): {
  progress: LessonProgress;
  report: ReadReport;
  save: (patch: Partial<LessonProgress>) => void;
} {
  const [state, setState] = useState(() => {
    const read = session.read();
    return { progress: lessonProgress(read.progress, lessonId), report: read.report };
  });
  const save = useCallback(
    (patch: Partial<LessonProgress>) => {
      const r = session.update(lessonId, patch);
      setState({ progress: lessonProgress(r.progress, lessonId), report: r.report });
    },
    [lessonId],
  );
  return { ...state, save };
}

/** Progress of every lesson, for the index. */
export function readAllProgress() {
  return session.read();
}
