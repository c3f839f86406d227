/**
 * Keeps a scroll container pinned to its end while new content arrives — but only while the
 * learner is already at the end. Someone who scrolled back to read an older trace entry or an old
 * part of a partition strip is left where they are; scrolling back to the end re-pins it.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

/** True when a scroll container is within `slackPx` of its end, so new entries may scroll it. */
export function isNearEnd(scrollPos: number, viewport: number, content: number, slackPx = 24): boolean {
  return content - (scrollPos + viewport) <= slackPx;
}

/**
 * Returns a ref and an onScroll handler for the scroll container. `change` is anything that differs
 * when new content has arrived (the newest id, the list length).
 */
export function useStickToEnd<T extends HTMLElement>(axis: 'x' | 'y', change: unknown) {
  const ref = useRef<T>(null);
  const atEnd = useRef(true);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    atEnd.current =
      axis === 'y'
        ? isNearEnd(el.scrollTop, el.clientHeight, el.scrollHeight)
        : isNearEnd(el.scrollLeft, el.clientWidth, el.scrollWidth);
  }, [axis]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !atEnd.current) return;
    if (axis === 'y') el.scrollTop = el.scrollHeight;
    else el.scrollLeft = el.scrollWidth;
  }, [axis, change]);
  return { ref, onScroll };
}
