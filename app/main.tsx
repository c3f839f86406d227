/** Entry point: applies the saved theme before the first paint, then mounts the router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
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

const router = createHashRouter(routes);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
