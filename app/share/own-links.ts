/**
 * The links a page wrote into its own address bar, so it can tell them from a link someone
 * pasted or followed. The router reports each write a moment later, and a second write can
 * happen before the first is reported: remembering only the newest write would take the report
 * of the older one for a foreign link and reopen the session from it (for a long run, a freeze of
 * many seconds that also threw away the newest moments).
 */
export class OwnLinks {
  private recent: Array<string | null>;

  constructor(
    initial: string | null,
    private readonly max = 16,
  ) {
    this.recent = [initial];
  }

  /** Remembers a link this page is about to write. */
  wrote(link: string): void {
    this.recent.push(link);
    if (this.recent.length > this.max) this.recent.shift();
  }

  /**
   * True when `link` is one this page wrote (or opened with); the writes before it are forgotten,
   * since the router reports them in order. False for a link from elsewhere, which is then
   * remembered as the page's own (the page opens it).
   */
  isOwn(link: string | null): boolean {
    const i = this.recent.lastIndexOf(link);
    if (i >= 0) {
      this.recent.splice(0, i);
      return true;
    }
    this.recent = [link];
    return false;
  }
}
