/** Entry point: applies the saved theme before the first paint, then mounts the router. */
import './zod-without-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { takeSkipTarget } from './layout/skip-target.ts';
import { routes } from './routes.tsx';
import { applyTheme, readThemePreference } from './theme/theme.ts';
import './styles.css';

let storage: Storage | undefined;
try {
  storage = window.localStorage;
} catch {
  storage = undefined;
}
applyTheme(readThemePreference(storage));

// A pasted skip-link address (`#main`) is not a route: open the home page, focused on its content.
takeSkipTarget(window.location, window.history);
const router = createHashRouter(routes);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/* Navigations are plain updates, not transitions: a transition yields to every update of a
          playing simulation (one per frame), so Next pressed mid-play waited for the play to end. */}
      <RouterProvider router={router} useTransitions={false} />
    </StrictMode>,
  );
}
// Offline and update offers (app/classroom/offline): loaded after the page is up, so the service
// worker's code is not part of the first page's JavaScript.
void import('./classroom/offline/register.ts').then(
  (m) => m.registerOffline(),
  () => undefined,
);
