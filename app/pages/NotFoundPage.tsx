/** Shown for any unknown route (and for unknown lesson ids), with a way back. */
import { Link } from 'react-router';
import { usePageTitle } from '../usePageTitle.ts';

export function NotFoundPage({ what, start }: { what?: string; start?: { to: string; label: string } }) {
  usePageTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>{what ?? 'Nothing lives at this address. The link may be mistyped or from an older version of EDA Lab.'}</p>
      {start && (
        <p>
          <Link to={start.to}>{start.label}</Link>
        </p>
      )}
      <p>
        <Link to="/">Go to the home page</Link> or <Link to="/lessons">browse the lessons</Link>.
      </p>
    </div>
  );
}
