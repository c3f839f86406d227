/**
 * Narration: what just happened, for screen readers and for the learner who looked away.
 *
 * A visually hidden `aria-live="polite"` region announces the store's `announcement`, and a visible
 * one-line caption repeats it with the virtual time. While playing, a run can produce hundreds of
 * entries a second, which would drown a screen reader; so during play the live region speaks at
 * most once every `gapMs` (the latest sentence wins), and when paused or stepping it speaks at once.
 * The live region is written through a ref, so throttling costs no re-renders.
 *
 * `Narration` takes plain props; `ConnectedNarration` reads them from a store.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchStore } from '../store.ts';
import { formatMs } from './labels.ts';
import './panels.css';

export interface NarrationProps {
  /** One sentence about the last change (the store's `announcement`). */
  announcement: string;
  /** While playing, announcements are throttled. */
  playing?: boolean;
  /** Virtual time shown in the caption. */
  atMs?: number;
  /** True when the announcement is a refused command's message. */
  refused?: boolean;
  /** Shortest real-time gap between spoken announcements while playing; default 2,000 ms. */
  gapMs?: number;
}

/** Keeps the latest text in the live region, throttled while playing. */
function useThrottledLiveText(text: string, playing: boolean, gapMs: number) {
  const region = useRef<HTMLDivElement>(null);
  const latest = useRef(text);
  const lastSpokenAt = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    latest.current = text;
    const speak = () => {
      timer.current = undefined;
      const el = region.current;
      // Pausing re-runs this effect with the same sentence; saying it twice would be noise.
      if (!el || latest.current === '' || el.textContent === latest.current) return;
      el.textContent = latest.current;
      lastSpokenAt.current = performance.now();
    };
    if (!playing) {
      clearTimeout(timer.current);
      speak();
      return;
    }
    const wait = gapMs - (performance.now() - lastSpokenAt.current);
    if (wait <= 0) speak();
    else if (timer.current === undefined) timer.current = setTimeout(speak, wait);
  }, [text, playing, gapMs]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return region;
}

/** The live region plus the visible caption. */
export function Narration({ announcement, playing = false, atMs, refused = false, gapMs = 2000 }: NarrationProps) {
  const region = useThrottledLiveText(announcement, playing, gapMs);
  return (
    <div className="wbp-narration">
      <div ref={region} className="wbp-sr" aria-live="polite" aria-atomic="true" />
      <p className={`wbp-caption${refused ? ' wbp-caption-refused' : ''}`}>
        {announcement === '' ? (
          <span className="wbp-caption-label">Nothing has happened yet.</span>
        ) : (
          <>
            <span className="wbp-caption-label">
              {refused ? (
                <>
                  <span aria-hidden="true">⚠ </span>Not possible
                </>
              ) : (
                'Just happened'
              )}
              {atMs !== undefined && !refused && <> · {formatMs(atMs)}</>}:
            </span>{' '}
            <span className="wbp-caption-text">{announcement}</span>
          </>
        )}
      </p>
    </div>
  );
}

/**
 * The time the caption gives: that of the entry it announces, not the clock's (a step may end
 * seconds after its last entry); none for words that are not an entry (running off script).
 */
export function narrationAtMs(s: {
  announcement: string;
  view: { nowMs?: number; entries: ReadonlyArray<{ text: string; atMs: number }> };
}) {
  const last = s.view.entries.at(-1);
  return last !== undefined && last.text === s.announcement ? last.atMs : undefined;
}

/** Narration reading `announcement`, `playing`, the view's time and whether the last command was refused. */
export function ConnectedNarration<C>({ store, gapMs }: { store: WorkbenchStore<C>; gapMs?: number }) {
  const announcement = useStore(store, (s) => s.announcement);
  const playing = useStore(store, (s) => s.playing);
  const atMs = useStore(store, narrationAtMs);
  const refused = useStore(store, (s) => s.error !== null);
  return <Narration announcement={announcement} playing={playing} atMs={atMs} refused={refused} gapMs={gapMs} />;
}
