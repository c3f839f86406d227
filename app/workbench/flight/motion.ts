/**
 * Reduced motion: on when the OS asks for it (`prefers-reduced-motion: reduce`) or when the
 * learner turns it on in the workbench (`<html data-motion="reduced">`, which the CSS honours too).
 */
const query = '(prefers-reduced-motion: reduce)';

export function osPrefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia(query).matches;
}

export function isMotionReduced(): boolean {
  return osPrefersReducedMotion() || document.documentElement.dataset.motion === 'reduced';
}

/** Calls `onChange` whenever either source changes; returns the unsubscribe. */
export function watchMotion(onChange: () => void): () => void {
  const mq = typeof matchMedia === 'function' ? matchMedia(query) : null;
  mq?.addEventListener('change', onChange);
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-motion'] });
  return () => {
    mq?.removeEventListener('change', onChange);
    mo.disconnect();
  };
}

export function setMotionReduced(reduced: boolean): void {
  if (reduced) document.documentElement.dataset.motion = 'reduced';
  else delete document.documentElement.dataset.motion;
}
