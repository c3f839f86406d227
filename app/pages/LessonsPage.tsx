/** The lessons index, grouped by part. Lessons not written yet are listed and marked as such. */
import { Link } from 'react-router';
import { lessons, parts } from '../../lessons/catalog.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { readAllProgress } from '../lessons-ui/useLessonProgress.ts';
import { useState } from 'react';

export function LessonsPage() {
  usePageTitle('Lessons');
  // Read once per visit; a damaged saved value is salvaged by readProgress, never thrown.
  const [saved] = useState(() => readAllProgress().progress.lessons);
  return (
    <div className="page">
      <h1>Lessons</h1>
      <p className="lead">
        Each lesson is a simulation you run step by step. They build on each other, but you can start anywhere.
      </p>
      {parts.map((part) => (
        <section key={part.id} aria-labelledby={`part-${part.id}`}>
          <h2 id={`part-${part.id}`}>{part.title}</h2>
          <ol className="lesson-list">
            {lessons
              .filter((l) => l.part === part.id)
              .map((l) => (
                <li key={l.id}>
                  <Link to={`/lessons/${l.id}`}>
                    <span className="lesson-id">{l.id}</span> {l.title}
                  </Link>
                  {l.ready && l.minutes !== undefined && <span className="lesson-minutes">{l.minutes} min</span>}
                  {l.ready && saved[l.id]?.completed && <span className="badge">✓ completed</span>}
                  {l.ready && saved[l.id] && !saved[l.id]!.completed && <span className="badge">in progress</span>}
                  {!l.ready && <span className="badge">coming soon</span>}
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
