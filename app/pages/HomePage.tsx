/** The landing page: what EDA Lab is, in two sentences, and the three ways in. */
import { Link } from 'react-router';
import { usePageTitle } from '../usePageTitle.ts';

const ways = [
  {
    to: '/lessons',
    title: 'Lessons',
    text: 'Step through fan-out, partitions, consumer lag, replay, event sourcing and sagas, forwards and back.',
  },
  {
    to: '/playground',
    title: 'Playground',
    text: 'Build a topology, break it on purpose, rewind, and share a link to the exact moment.',
  },
  {
    to: '/practice',
    title: 'Practice',
    text: 'Interview exercises graded by running your design against the faults the simulator injects.',
  },
] as const;

export function HomePage() {
  usePageTitle('');
  return (
    <div className="page home">
      <h1>Learn event-driven architecture by running it</h1>
      <p className="lead">
        EDA Lab simulates Kafka-style logs, queues, event stores and sagas right in your browser, on a virtual clock that you can
        pause, step and rewind. Every lesson is a live simulation that behaves the way the real systems do, so you see offsets
        move, lag build and compensations run instead of reading about them.
      </p>
      <ul className="cards">
        {ways.map((w) => (
          <li key={w.to} className="card">
            <h2>
              <Link to={w.to}>{w.title}</Link>
            </h2>
            <p>{w.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
