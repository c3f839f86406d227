/** The app's own address up to the hash: the embed player and the presenter window live beside it. */
export function appAddress(): string {
  return `${window.location.origin}${window.location.pathname}`;
}
