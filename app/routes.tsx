/**
 * The route table. Routing lives in the URL hash (`#/lessons/L02`): the app is a static site, and
 * with the route in the hash any static file server — GitHub Pages at a sub-path included — serves
 * index.html for every deep link without rewrite rules.
 */
import type { RouteObject } from 'react-router';
import { AppShell } from './layout/AppShell.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LessonsPage } from './pages/LessonsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PracticePage } from './pages/PracticePage.tsx';

export const routes: RouteObject[] = [
  // Classroom pages without the site's frame (app/classroom): the embed player an <iframe> shows,
  // and the presenter window's notes and controls. Loaded only when opened.
  {
    path: '/embed/lessons/:lessonId/:partId?',
    errorElement: <ErrorPage />,
    lazy: () => import('./classroom/embed/EmbedPage.tsx').then((m) => ({ Component: m.EmbedLessonPage })),
  },
  {
    path: '/embed/playground',
    errorElement: <ErrorPage />,
    lazy: () => import('./classroom/embed/EmbedPage.tsx').then((m) => ({ Component: m.EmbedPlaygroundPage })),
  },
  {
    path: '/presenter',
    errorElement: <ErrorPage />,
    lazy: () => import('./classroom/presenter/PresenterPage.tsx').then((m) => ({ Component: m.PresenterPage })),
  },
  {
    element: <AppShell />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/lessons', element: <LessonsPage /> },
      {
        path: '/lessons/:lessonId/:partId?',
        // A lesson brings its simulation and the workbench: load them only when a lesson is opened.
        lazy: () => import('./pages/LessonPage.tsx').then((m) => ({ Component: m.LessonPage })),
      },
      {
        path: '/playground',
        // The workbench (React Flow, the simulator) loads only when the playground is opened, so the
        // first page stays small.
        lazy: () => import('./pages/PlaygroundPage.tsx').then((m) => ({ Component: m.PlaygroundPage })),
      },
      { path: '/practice', element: <PracticePage /> },
      {
        path: '/practice/:exerciseId',
        // An exercise brings its grader, its design panel and the workbench preview: load on demand.
        lazy: () => import('./pages/ExercisePage.tsx').then((m) => ({ Component: m.ExercisePage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
