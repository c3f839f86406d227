/**
 * The frame around every page: a skip link, the header with navigation and the theme switch,
 * the page itself, and a footer. Navigation uses NavLink so the current section is marked for
 * assistive technology (aria-current), not by colour alone.
 */
import { NavLink, Outlet } from 'react-router';
import { ThemeToggle } from '../theme/ThemeToggle.tsx';

const sections = [
  { to: '/lessons', label: 'Lessons' },
  { to: '/playground', label: 'Playground' },
  { to: '/practice', label: 'Practice' },
] as const;

export function AppShell() {
  return (
    <>
      <a className="skip-link" href="#main" onClick={focusMain}>
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
      </footer>
    </>
  );
}

// With hash routing, a plain #main link would navigate; move focus to the page instead.
function focusMain(e: React.MouseEvent): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}
