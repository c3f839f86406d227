/**
 * Whether an element is on screen (or within `marginPx` of it) inside its nearest vertical
 * scroller, so a long panel can skip drawing what nobody can see. The partition panel uses it to
 * leave the cells of off-screen strips out of the page: with fifteen strips of fifty cells, the
 * cells of the two or three strips in view are all the browser lays out on each update.
 *
 * Starts visible (the first picture is complete) and stays visible where IntersectionObserver does
 * not exist (tests in jsdom), and while keyboard focus is inside it.
 */
import { useEffect, useRef, useState } from 'react';

function scrollerOf(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return null;
}

export function useNearView<T extends Element>(marginPx = 150) {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(true);
  // The element's height when it left the screen, so a caller can keep its place while it is away.
  const [awayHeight, setAwayHeight] = useState<number | undefined>(undefined);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        const e = entries.at(-1);
        if (!e) return;
        // Keyboard focus inside keeps it drawn, so scrolling the panel never drops the focused cell.
        const near = e.isIntersecting || el.contains(document.activeElement);
        if (!near) setAwayHeight(e.boundingClientRect.height);
        setNear(near);
      },
      {
        root: scrollerOf(el),
        rootMargin: `${marginPx}px 0px`,
      },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [marginPx]);
  return { ref, near, setNear, awayHeight };
}
