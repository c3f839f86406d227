/**
 * Offline and updates: registers the Workbox service worker that vite-plugin-pwa generates
 * (vite.config.ts), which precaches the whole build so every lesson, the playground and practice
 * open without a network after one visit.
 *
 * A new deploy never replaces the running code by itself: its worker waits, and the learner is
 * offered "Reload for the new version" (a lesson half-way through is theirs to finish). Saved
 * progress lives in localStorage, which a worker update does not touch.
 *
 * This module is loaded with import() after the first page is up, so neither it nor workbox-window
 * counts against the first page's JavaScript. An embed (the app inside another site's iframe) does
 * not register: a reader of someone's blog should not download the whole course for one player.
 */
import { registerSW } from 'virtual:pwa-register';
import { showUpdateOffer } from './update-offer.ts';

/** How often a page left open (a classroom projector all morning) asks for a new version. */
export const updateCheckEveryMs = 60 * 60 * 1000;

export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  if (window.self !== window.top) return;
  // Precaching downloads the course in the background: let the first page finish drawing first.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 5000 });
  else setTimeout(register, 2000);
}

function register(): void {
  const update = registerSW({
    onNeedRefresh: () => showUpdateOffer(() => void update()),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => undefined);
      }, updateCheckEveryMs);
    },
    // A worker that cannot register (private mode, a blocked origin) leaves the app working online.
    onRegisterError: () => undefined,
  });
}
