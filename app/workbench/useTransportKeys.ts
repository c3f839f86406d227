/**
 * Wires the keyboard shortcuts (shortcuts.ts) to a workbench store while the workbench is shown,
 * and drives play with requestAnimationFrame. Playback reads the store directly instead of
 * re-rendering per frame; only changes the store publishes re-render components.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcuts.ts';
import { fasterSpeed, slowerSpeed } from './speed.ts';
import type { WorkbenchStore } from './store.ts';
import { isMotionReduced, watchMotion } from './flight/motion.ts';

export function runShortcut<C>(store: WorkbenchStore<C>, action: ShortcutAction, onHelp: () => void): void {
  const s = store.getState();
  switch (action) {
    case 'toggle-play':
      return s.togglePlay();
    case 'step-forward':
      return s.stepForward();
    case 'step-back':
      return s.stepBack();
    case 'to-start':
      return s.restart();
    case 'to-end':
      return s.runToEnd();
    case 'faster':
      return s.setSpeed(fasterSpeed(s.speed));
    case 'slower':
      return s.setSpeed(slowerSpeed(s.speed));
    case 'help':
      return onHelp();
  }
}

export function useTransportKeys<C>(store: WorkbenchStore<C>, onHelp: () => void, enabled = true): void {
  // Read at each key press rather than re-subscribing when it changes: a key pressed just after the
  // shortcuts dialog closes must not fall into the gap before an effect re-attaches the listener.
  const live = useRef({ enabled, onHelp });
  useLayoutEffect(() => {
    live.current = { enabled, onHelp };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || !live.current.enabled) return;
      // A modal dialog (the "?" list, a confirmation) owns the keys while it is open. Asked of the
      // page at each press: the dialog's close event, and so any React state it sets, comes a task
      // after Escape has already hidden it, and a key pressed in that gap must still reach us.
      if (document.querySelector('dialog[open]:modal')) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: t?.tagName,
        targetType: t instanceof HTMLInputElement ? t.type : undefined,
        targetEditable: t?.isContentEditable,
      });
      if (!action) return;
      e.preventDefault();
      runShortcut(store, action, live.current.onHelp);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** How the play loop asks for frames: the browser's animation frames, or a test's. */
export interface Frames {
  request: (cb: (t: number) => void) => number;
  cancel: (id: number) => void;
}

const browserFrames: Frames = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

/**
 * Drives play: one frame after another while the store plays, and none while it does not, so a
 * paused or finished step costs the page no frames (about 9% of a core, measured idle at a step's
 * end in Chromium, and a laptop's battery). Returns the function that stops it.
 */
export function startPlayLoop<C>(store: WorkbenchStore<C>, frames: Frames, reduced: () => boolean): () => void {
  let frame = 0;
  let last: number | undefined;
  // `frame` stays set while a frame runs, so a tick's own store update does not ask for a second.
  const loop = (t: number): void => {
    if (store.getState().playing) {
      // With reduced motion, play changes the picture in discrete steps (the store gathers the time).
      store.getState().tick(last === undefined ? 0 : Math.min(t - last, 100), reduced());
      last = t;
    }
    if (store.getState().playing) {
      frame = frames.request(loop);
    } else {
      frame = 0;
      last = undefined;
    }
  };
  // Play starting (or a store that already plays) asks for the first frame.
  const wake = (): void => {
    if (frame === 0 && store.getState().playing) frame = frames.request(loop);
  };
  const unsubscribe = store.subscribe(wake);
  wake();
  return () => {
    frames.cancel(frame);
    unsubscribe();
  };
}

export function usePlayLoop<C>(store: WorkbenchStore<C>): void {
  useEffect(() => {
    let reduced = isMotionReduced();
    const unwatch = watchMotion(() => (reduced = isMotionReduced()));
    const stop = startPlayLoop(store, browserFrames, () => reduced);
    return () => {
      stop();
      unwatch();
    };
  }, [store]);
}
