/** One lesson's page. Until a lesson is written it says so and points back to the index. */
import { Link, useParams } from 'react-router';
import { findLesson, type LessonEntry } from '../../lessons/catalog.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function LessonPage() {
  const { lessonId = '' } = useParams();
  const lesson = findLesson(lessonId);
  if (!lesson) return <NotFoundPage what={`There is no lesson called “${lessonId}”.`} />;
  return <LessonComingSoon lesson={lesson} />;
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
