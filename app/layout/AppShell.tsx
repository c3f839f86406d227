/**
 * The frame around every page: a skip link, the header with navigation and the theme switch,
 * the page itself, and a footer. Navigation uses NavLink so the current section is marked for
 * assistive technology (aria-current), not by colour alone.
 */
import { useEffect } from 'react';
import { NavLink, Outlet, useHref, useLocation } from 'react-router';
import { consumeSkipFocus } from './skip-target.ts';
import { ThemeToggle } from '../theme/ThemeToggle.tsx';

const sections = [
  { to: '/lessons', label: 'Lessons' },
  { to: '/playground', label: 'Playground' },
  { to: '/practice', label: 'Practice' },
] as const;

export function AppShell() {
  // The skip link's address is this page's own (`#/lessons/L06`), so copying or opening it in a
  // new tab gives this page, never the route "main"; a click moves focus without navigating.
  const location = useLocation();
  const here = useHref(`${location.pathname}${location.search}`);
  useEffect(() => {
    if (consumeSkipFocus()) document.getElementById('main')?.focus();
  }, []);
  return (
    <>
      <a className="skip-link" href={here} onClick={focusMain}>
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          <img src={`${import.meta.env.BASE_URL}icon.svg`} alt="" width="28" height="28" />
          <span>EDA Lab</span>
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {sections.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to}>{s.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <ThemeToggle />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>EDA Lab simulates brokers, logs, stores and sagas deterministically in your browser. Nothing is sent anywhere.</p>
        <p>
          Diagrams drawn with{' '}
          <a href="https://reactflow.dev" target="_blank" rel="noopener">
            React Flow
          </a>
          .
        </p>
      </footer>
    </>
  );
}

// With hash routing, following the link would re-route; move focus to the page's content instead.
function focusMain(e: React.MouseEvent): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}
