/**
 * The projector's half of the presenter view: while a session is on, publish where this window is
 * (the lesson part or the playground moment, the cursor, play) to the presenter window, run the
 * commands it sends, and let a clicker's PageDown/PageUp move between lesson parts here too.
 * Arrows, Space, Home and End keep their workbench meaning (useTransportKeys), and every change
 * they make reaches the presenter through the store.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { WorkbenchStore } from '../../workbench/store.ts';
import {
  openPresenterLink,
  presenterKeyAction,
  type PresenterAction,
  type ProjectorPlace,
  type ProjectorState,
} from './channel.ts';
import { stopProjecting } from './session.ts';

/** Shortest gap between two state messages while playing, in real ms. */
export const publishGapMs = 100;

export interface ProjectorTarget<C> {
  place: ProjectorPlace;
  store: WorkbenchStore<C> | undefined;
  /** Opens part `i` of the lesson (lesson only). */
  goToPart?: (i: number) => void;
}

export function runPresenterAction<C>(target: ProjectorTarget<C>, action: PresenterAction, value?: number): void {
  const { place, goToPart } = target;
  const s = target.store?.getState();
  const partStep = (d: number): void => {
    if (place.kind !== 'lesson' || !goToPart) return;
    const i = place.partIndex + d;
    if (i >= 0 && i < place.partCount) goToPart(i);
  };
  switch (action) {
    case 'next-part':
      return partStep(1);
    case 'prev-part':
      return partStep(-1);
    case 'toggle-play':
      return s?.togglePlay();
    case 'step-forward':
      return s?.stepForward();
    case 'step-back':
      return s?.stepBack();
    case 'to-start':
      return s?.restart();
    case 'to-end':
      return s?.runToEnd();
    case 'seek':
      if (value !== undefined && s && value >= 0 && value <= s.length) s.seek(Math.floor(value));
      return;
  }
}

export function stateOf<C>(target: ProjectorTarget<C>): ProjectorState {
  const s = target.store?.getState();
  if (!s) {
    const none = { cursor: 0, first: 0, last: 0, entry: 0, entries: null, playing: false, atStart: true, atEnd: true };
    return { ...none, place: target.place, inStep: false, stepDone: false, lock: null, nowMs: 0, announcement: '' };
  }
  // What the projector's own transport bar shows (TransportBar.tsx), so both windows agree.
  const b = s.offScript ? null : s.bounds;
  const first = b?.start ?? 0;
  const last = b?.end ?? s.length;
  const written = s.traceLength();
  const atEnd = b ? s.cursor >= b.end : s.cursor === s.length && s.idle;
  return {
    place: target.place,
    cursor: s.cursor,
    first,
    last,
    entry: written - (b?.startEntries ?? 0),
    entries: b ? b.endEntries - b.startEntries : s.cursor === s.length ? written : null,
    playing: s.playing,
    atStart: s.cursor <= first,
    atEnd,
    inStep: b !== null,
    stepDone: b !== null && atEnd,
    lock: s.lock,
    nowMs: s.view.nowMs,
    announcement: s.announcement,
  };
}

export function useProjectorSync<C>(sessionId: string | null, target: ProjectorTarget<C>): void {
  const live = useRef(target);
  // The part a clicker asked for but the page has not rendered yet: a double press moves two parts.
  const pendingPart = useRef<number | null>(null);
  const placeKey = JSON.stringify(target.place);
  useLayoutEffect(() => {
    live.current = target;
  });
  useLayoutEffect(() => {
    pendingPart.current = null;
  }, [placeKey]);
  const publishRef = useRef<(urgent: boolean) => void>(() => undefined);

  // One channel for the whole session, so no command is lost while the page changes parts.
  useEffect(() => {
    if (sessionId === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastAt = -Infinity;
    const act = (action: PresenterAction, value?: number): void => {
      const t = live.current;
      const place = t.place.kind === 'lesson' ? { ...t.place, partIndex: pendingPart.current ?? t.place.partIndex } : t.place;
      const goToPart = (i: number): void => {
        pendingPart.current = i;
        t.goToPart?.(i);
      };
      runPresenterAction({ ...t, place, goToPart }, action, value);
    };
    const link = openPresenterLink(sessionId, (m) => {
      if (m.t === 'hello') publishNow();
      else if (m.t === 'command') act(m.action, m.value);
      else if (m.t === 'bye') stopProjecting();
    });
    const publishNow = (): void => {
      clearTimeout(timer);
      timer = undefined;
      lastAt = performance.now();
      link.post({ t: 'state', state: stateOf(live.current) });
    };
    publishRef.current = (urgent) => {
      if (urgent) publishNow();
      else if (timer === undefined) timer = setTimeout(publishNow, Math.max(0, publishGapMs - (performance.now() - lastAt)));
    };
    // A clicker's page keys move between parts; caught before the workbench's own shortcuts.
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      // Typing (the embed code, a scenario field) keeps its own page keys.
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el && (el.isContentEditable || ['TEXTAREA', 'SELECT'].includes(el.tagName))) return;
      if (el instanceof HTMLInputElement && el.type !== 'range') return;
      const action = presenterKeyAction(e.key, live.current.place.kind === 'lesson');
      if (action !== 'next-part' && action !== 'prev-part') return;
      e.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      clearTimeout(timer);
      publishRef.current = () => undefined;
      window.removeEventListener('keydown', onKey, { capture: true });
      link.close();
    };
  }, [sessionId]);

  // The simulation: play and new entries at once, the cursor while playing at most every publishGapMs.
  useEffect(() => {
    if (sessionId === null || !target.store) return;
    return target.store.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.length !== prev.length || s.offScript !== prev.offScript || s.lock !== prev.lock)
        publishRef.current(true);
      else if (s.cursor !== prev.cursor || s.announcement !== prev.announcement) publishRef.current(!s.playing);
    });
  }, [sessionId, target.store]);

  // A new part or moment (and its new store) is published at once.
  useEffect(() => {
    if (sessionId !== null) publishRef.current(true);
  }, [sessionId, placeKey, target.store]);
}
