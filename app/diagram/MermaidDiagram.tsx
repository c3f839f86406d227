/**
 * Renders mermaid text to SVG. Mermaid is large (about 190 KB gzip for a sequence diagram), so it
 * is loaded with import() the first time a diagram is shown, never on the first page. Each render
 * gets a fresh id (mermaid keys its temporary DOM by id), `securityLevel: 'strict'` makes mermaid
 * sanitise its own output, and a parse or render error is shown as a message, not thrown.
 */
import { useEffect, useState } from 'react';
import type MermaidApi from 'mermaid';

type Mermaid = typeof MermaidApi;
let loading: Promise<Mermaid> | null = null;
let renderCount = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

export function MermaidDiagram({
  text,
  dark,
  label,
  fitWidth = true,
}: {
  text: string;
  dark: boolean;
  label: string;
  /** Shrink the diagram to its container's width (default); false keeps its natural size, for a container that scrolls. */
  fitWidth?: boolean;
}) {
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadMermaid()
      .then(async (mermaid) => {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: dark ? 'dark' : 'default',
          sequence: { useMaxWidth: fitWidth },
        });
        const { svg: out } = await mermaid.render(`eda-seq-${++renderCount}`, text);
        if (!cancelled) {
          setSvg(out);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : 'The diagram could not be drawn.');
      });
    return () => {
      cancelled = true;
    };
  }, [text, dark, fitWidth]);
  if (error) return <p className="workbench-error">The diagram could not be drawn: {error}</p>;
  if (svg === null) return <p aria-busy="true">Drawing the diagram…</p>;
  // The SVG comes from mermaid in strict mode (sanitised by mermaid's DOMPurify) and every label
  // in `text` is entity-encoded by sequence-text.ts, so no name from a scenario can inject markup.
  return <div className="mermaid-diagram" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
