/**
 * One lesson's page, `#/lessons/L06` or a part of it, `#/lessons/L06/slow-consumer`. Written
 * lessons load on demand (their simulations are not in the first page); unwritten ones say so.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { findLesson, type LessonEntry } from '../../lessons/catalog.ts';
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { loadLesson } from '../../lessons/index.ts';
import { lessonParts, partIndexOf } from '../lessons-ui/lesson-parts.ts';
import { LessonPlayer } from '../lessons-ui/LessonPlayer.tsx';
import { usePageTitle } from '../usePageTitle.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function LessonPage() {
  const { lessonId = '', partId } = useParams();
  const entry = findLesson(lessonId);
  if (!entry) return <NotFoundPage what={`There is no lesson called “${lessonId}”.`} />;
  if (!entry.ready) return <LessonComingSoon lesson={entry} />;
  return <WrittenLesson key={entry.id} entry={entry} partId={partId} />;
}

function WrittenLesson({ entry, partId }: { entry: LessonEntry; partId: string | undefined }) {
  const [lesson, setLesson] = useState<AnyLesson | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const loading = loadLesson(entry.id);
    if (!loading) {
      setFailed('This lesson is listed as ready but its content is missing.');
      return;
    }
    loading.then(
      (l) => live && setLesson(l),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : 'The lesson could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [entry.id]);
  if (failed) return <LessonProblem entry={entry} message={failed} />;
  if (!lesson) return <LessonLoading entry={entry} />;
  const index = partIndexOf(lessonParts(lesson), partId);
  if (index < 0)
    return (
      <NotFoundPage
        what={`Lesson ${entry.id} has no part called “${partId}”.`}
        start={{ to: `/lessons/${entry.id}`, label: `Start ${entry.id} · ${entry.title} from its first page` }}
      />
    );
  return <LessonPlayer lesson={lesson} partIndex={index} />;
}

function LessonLoading({ entry }: { entry: LessonEntry }) {
  usePageTitle(`${entry.id} ${entry.title}`);
  return (
    <div className="page">
      <h1>
        {entry.id} · {entry.title}
      </h1>
      <p aria-busy="true">Loading the lesson and its simulation…</p>
    </div>
  );
}

function LessonProblem({ entry, message }: { entry: LessonEntry; message: string }) {
  usePageTitle(`${entry.id} ${entry.title}`);
  return (
    <div className="page" role="alert">
      <h1>
        {entry.id} · {entry.title}
      </h1>
      <p>The lesson could not be opened: {message}</p>
      <p>
        Reload the page to try again, or <Link to="/lessons">go back to the lessons</Link>. Your progress is kept.
      </p>
    </div>
  );
}

function LessonComingSoon({ lesson }: { lesson: LessonEntry }) {
  usePageTitle(`${lesson.id} ${lesson.title}`);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/lessons">Lessons</Link> / {lesson.id}
      </p>
      <h1>
        {lesson.id} · {lesson.title}
      </h1>
      <p className="notice" role="status">
        This lesson is coming soon: its simulation is being built. The lessons index shows what is ready.
      </p>
    </div>
  );
}
