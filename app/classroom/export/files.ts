/**
 * Small helpers shared by the exports: a file name from parts, a download from a Blob, and the
 * theme's page colour (exports carry their own background so a dark-theme export still reads on a
 * white slide, and a light one on a dark slide).
 */

/** Lower-case, dash-separated, safe on every file system. */
export function fileName(parts: readonly string[], ext: string): string {
  const base = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'eda-lab'}.${ext}`;
}

/** Saves a file through the browser's download (no server, no pop-up). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task; keep it a little longer for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The current theme's page background and text colours, read from the CSS variables. */
export function themeColours(): { background: string; text: string; dark: boolean } {
  const css = getComputedStyle(document.documentElement);
  const dark = document.documentElement.dataset.theme === 'dark';
  return {
    background: css.getPropertyValue('--bg').trim() || (dark ? '#0f1720' : '#f7f8fa'),
    text: css.getPropertyValue('--text').trim() || (dark ? '#e7edf3' : '#17202a'),
    dark,
  };
}
