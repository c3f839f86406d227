/**
 * Interview practice: the exercises, what each trains, how hard it is, and where the learner is
 * with it (not started, attempted, passed — read from the practice record, which salvages a
 * damaged save rather than wiping it, and says so). Exercises still to be built are listed as such.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { exercises } from '../../lessons/catalog.ts';
import { exerciseDefinitions } from '../../lessons/exercises/catalog.ts';
import { practiceStorage } from '../practice/storage.ts';
import { exerciseState, readPractice, type ExerciseState } from '../practice/progress.ts';
import { usePageTitle } from '../usePageTitle.ts';
import '../practice/practice.css';

const stateLabel: Record<ExerciseState, string> = { 'not-started': 'not started', attempted: 'attempted', passed: '✓ passed' };

export function PracticePage() {
  usePageTitle('Practice');
  const [read] = useState(() => readPractice(practiceStorage()));
  return (
    <div className="page">
      <h1>Practice</h1>
      <p className="lead">
        Exercises for interview preparation. The simulator grades each one by running your design against faults it injects, and
        shows the run that proves what held and what broke.
      </p>
      {(read.status === 'recovered' || read.status === 'unreadable') && (
        <p className="notice" role="status">
          Part of your saved practice could not be read ({read.dropped.slice(0, 3).join(', ')}).{' '}
          {read.backupKey
            ? `The original was copied to ${read.backupKey} before anything was changed.`
            : 'Nothing was overwritten.'}
        </p>
      )}
      {read.status === 'unavailable' && (
        <p className="notice" role="status">
          This browser does not let the page save anything, so your practice is kept only until you close the tab.
        </p>
      )}
      <ol className="lesson-list exercise-list">
        {exercises.map((entry) => {
          const x = exerciseDefinitions.find((d) => d.id === entry.id);
          if (!x)
            return (
              <li key={entry.id}>
                <span>
                  <span className="lesson-id">{entry.id}</span> {entry.title}
                </span>
                <span className="badge">coming soon</span>
              </li>
            );
          const state = exerciseState(read.data, x.id);
          return (
            <li key={x.id}>
              <div className="exercise-row">
                <Link to={`/practice/${x.id}`}>
                  <span className="lesson-id">{x.id}</span> {x.title}
                </Link>
                <span className="exercise-trains">{x.trains}</span>
              </div>
              <span className="badge">{x.difficulty}</span>
              <span className={`badge state-${state}`}>{stateLabel[state]}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
