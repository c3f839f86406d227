/**
 * `#main` as a URL: the skip link's old address, and what a learner gets by copying it.
 *
 * Routes live in the URL hash, so a pasted `…/#main` was read as the route `main` and showed
 * "page not found". Before the router starts, such an address becomes the home route, and the
 * page remembers to put focus on the main region once it is drawn — what the skip link means.
 * Any other hash (every deep link) is left exactly as it is.
 */

/** Hashes that mean "the main region", not a route. */
const SKIP_HASHES = new Set(['#main', '#content']);

let focusPending = false;

/** Rewrites a skip-link hash to the home route (no new history entry). Call before routing. */
export function takeSkipTarget(
  loc: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): boolean {
  if (!SKIP_HASHES.has(loc.hash)) return false;
  history.replaceState(null, '', `${loc.pathname}${loc.search}#/`);
  focusPending = true;
  return true;
}

/** True once after `takeSkipTarget` rewrote the address: the shell then focuses the main region. */
export function consumeSkipFocus(): boolean {
  const was = focusPending;
  focusPending = false;
  return was;
}
