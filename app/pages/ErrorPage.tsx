/**
 * The route error boundary: if rendering a page throws, the learner sees what happened and a
 * way to reset the view. Saved progress lives in localStorage and is not touched here.
 */
import { Link, useRouteError } from 'react-router';

export function ErrorPage() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  return (
    <div className="page" role="alert">
      <h1>Something went wrong on this page</h1>
      <p>The view could not be drawn: {message}</p>
      <p>Your saved progress is kept. You can reset this view or go back to the start.</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reset the view
        </button>{' '}
        <Link to="/">Home</Link>
      </p>
    </div>
  );
}
