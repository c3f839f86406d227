/**
 * Whether this window is a projector for a presenter view, and for which session. Kept in
 * sessionStorage so the projector stays a projector while it moves between lesson parts (each a new
 * route) and through a reload, and forgotten when the window closes. While a session is on,
 * `<html data-projector>` lets the CSS (classroom.css) hide everything but the simulation and the
 * prose, in large type.
 */
import { useSyncExternalStore } from 'react';
import { isSessionId, newSessionId } from './channel.ts';

const storageKey = 'eda-lab:presenter-session';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    const v = window.sessionStorage.getItem(storageKey);
    return isSessionId(v) ? v : null;
  } catch {
    return null;
  }
}

let current: string | null = typeof window === 'undefined' ? null : read();
// A projector reloaded mid-lecture comes back in the projector layout.
if (current !== null) document.documentElement.dataset.projector = 'on';

function set(id: string | null): void {
  current = id;
  try {
    if (id === null) window.sessionStorage.removeItem(storageKey);
    else window.sessionStorage.setItem(storageKey, id);
  } catch {
    // Without storage the session lasts as long as this page; that is enough for one lecture.
  }
  if (id === null) delete document.documentElement.dataset.projector;
  else document.documentElement.dataset.projector = 'on';
  for (const l of listeners) l();
}

/** Starts a session (this window becomes the projector) and returns its id. */
export function startProjecting(): string {
  const id = newSessionId();
  set(id);
  return id;
}

export function stopProjecting(): void {
  set(null);
}

export function useProjectorSession(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
    () => null,
  );
}
