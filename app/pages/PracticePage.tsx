/** Interview practice: graded exercises. Listed now; the grader arrives with the workbench. */
import { exercises } from '../../lessons/catalog.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function PracticePage() {
  usePageTitle('Practice');
  return (
    <div className="page">
      <h1>Practice</h1>
      <p className="lead">
        Exercises for interview preparation. The simulator grades each one by running your design against faults it injects, and
        shows the trace that proves what held and what broke.
      </p>
      <p className="notice" role="status">
        Coming soon: grading needs the workbench, which is being built.
      </p>
      <ol className="lesson-list">
        {exercises.map((x) => (
          <li key={x.id}>
            <span className="lesson-id">{x.id}</span> {x.title}
          </li>
        ))}
      </ol>
    </div>
  );
}
