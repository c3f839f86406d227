/**
 * One chart history per workbench store, sampled on every change of the view — whichever tab is
 * shown, so the Charts tab opens onto the run so far. Charts do not need every frame: listeners
 * hear about changes at most a few times a second while playing, and at once after a seek.
 */
import type { WorkbenchStore } from '../../../workbench/store.ts';
import { ChartHistory, sampleGapMsMin, sampleOf } from './chart-history.ts';

export interface ChartFeed {
  history: ChartHistory;
  /** Draws the history before the moment the feed started (a replay, done once). */
  fill(): void;
  version(): number;
  subscribe(listener: () => void): () => void;
}

const notifyEveryMs = 250;
/** Points a history drawn by replay aims for (the ring thins itself past its capacity). */
const backfillSamples = 160;
const feeds = new WeakMap<object, ChartFeed>();

/** The chart feed of a store, created (and subscribed) on first use. */
export function chartFeedFor<C>(store: WorkbenchStore<C>): ChartFeed {
  const known = feeds.get(store);
  if (known) return known;
  const history = new ChartHistory();
  const listeners = new Set<() => void>();
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notify = (): void => {
    timer = undefined;
    version++;
    for (const l of listeners) l();
  };
  const first = store.getState();
  history.add(sampleOf(first.view, first.cursor));
  // Opened mid-run (a lesson step, a shared link): the history from time zero is drawn by
  // replaying the run up to where it opened — once, when the charts are first shown, so opening
  // a step does not pay for a replay nobody looks at.
  let backfill = first.cursor > 0 ? { cursor: first.cursor, nowMs: first.view.nowMs } : null;
  const fill = (): void => {
    if (!backfill) return;
    const { cursor, nowMs } = backfill;
    backfill = null;
    const live = history.samples;
    history.clear();
    const gapMs = Math.max(sampleGapMsMin, nowMs / backfillSamples);
    store.getState().replayViews((view, k) => history.add(sampleOf(view, k)), gapMs, cursor);
    // The live samples go on from there (unless the learner went back before it: then they are gone).
    for (const s of live) if (s.cursor >= cursor) history.add(s);
  };
  // The store lives as long as its page; the subscription goes with it.
  store.subscribe((s, prev) => {
    if (s.view === prev.view && s.cursor === prev.cursor) return;
    history.add(sampleOf(s.view, s.cursor));
    if (!s.playing || s.cursor < prev.cursor) {
      clearTimeout(timer);
      notify();
    } else timer ??= setTimeout(notify, notifyEveryMs);
  });
  const feed: ChartFeed = {
    history,
    fill,
    version: () => version,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  feeds.set(store, feed);
  return feed;
}
