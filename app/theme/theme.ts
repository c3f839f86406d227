/**
 * Light and dark themes. By default the app follows the system setting; a learner can pin one.
 * The choice is saved in localStorage; an unreadable saved value falls back to following the
 * system instead of breaking the page.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

const storageKey = 'eda-lab:theme';
const order: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** Reads the saved preference; anything unexpected (or no storage at all) means 'system'. */
export function readThemePreference(storage: Pick<Storage, 'getItem'> | undefined): ThemePreference {
  try {
    const v = storage?.getItem(storageKey);
    return v === 'light' || v === 'dark' || v === 'system' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** The theme actually shown for a preference, given whether the system prefers dark. */
export function resolveTheme(pref: ThemePreference, systemDark: boolean): ResolvedTheme {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

/** The next preference in the switch's cycle: system → light → dark → system. */
export function nextThemePreference(pref: ThemePreference): ThemePreference {
  return order[(order.indexOf(pref) + 1) % order.length]!;
}

const darkQuery = (): MediaQueryList | undefined =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : undefined;

/** Puts the resolved theme on <html> so CSS can follow it. */
export function applyTheme(pref: ThemePreference): void {
  const resolved = resolveTheme(pref, darkQuery()?.matches ?? false);
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
}

// A tiny external store so every component sees the same preference.
let current: ThemePreference = typeof window === 'undefined' ? 'system' : readThemePreference(safeStorage());
const listeners = new Set<() => void>();

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The theme preference and a setter; keeps <html> in step with it and with the system. */
export function useTheme(): { preference: ThemePreference; setPreference: (p: ThemePreference) => void } {
  const preference = useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
  useEffect(() => {
    applyTheme(preference);
    const mq = darkQuery();
    if (!mq || preference !== 'system') return;
    const onChange = (): void => applyTheme('system');
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [preference]);
  const setPreference = useCallback((p: ThemePreference) => {
    current = p;
    try {
      safeStorage()?.setItem(storageKey, p);
    } catch {
      // Private mode or a full quota: the choice still holds for this visit.
    }
    listeners.forEach((l) => l());
  }, []);
  return { preference, setPreference };
}
