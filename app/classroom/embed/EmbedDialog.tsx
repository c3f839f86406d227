/** The Embed dialog: the <iframe> snippet for this moment, ready to copy into a slide deck or a blog. */
import { useEffect, useRef, useState } from 'react';
import { appAddress } from '../address.ts';

/** Escapes text for an HTML attribute value in double quotes. */
export function htmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${htmlAttr(src)}" title="${htmlAttr(title)}" width="800" height="480" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`;
}

export function EmbedDialog({ path, title, onClose }: { path: string; title: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  const src = `${appAddress()}#${path}`;
  const snippet = embedSnippet(src, title);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const copy = async (): Promise<void> => {
    const ok = await navigator.clipboard?.writeText(snippet).then(
      () => true,
      () => false,
    );
    if (!ok) dialog.current?.querySelector('textarea')?.select();
    setCopied(ok === true);
  };
  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby="embed-title" onClose={onClose}>
      <h2 id="embed-title">Embed this {path.startsWith('/embed/lessons') ? 'step' : 'moment'}</h2>
      <p>Paste this into a web page or slide tool that accepts HTML. The player runs entirely in the reader’s browser.</p>
      <label>
        <span className="visually-hidden">Embed code</span>
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="embed-actions">
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy the code'}
        </button>
        <a href={src} target="_blank" rel="noopener">
          Open the player
        </a>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
