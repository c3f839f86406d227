/**
 * The sequence diagram for export: the same mermaid text the Sequence tab draws (the last messages
 * before the cursor), as its source and rendered to a standalone SVG. Mermaid is imported only
 * here and in the diagram adapter, both lazily. The SVG gets the theme's background as its first
 * shape, so the dark theme's light text stays readable when the file lands on a white slide.
 */
import { sequenceMessages } from '../../diagram/SequencePanel.tsx';
import { sequenceDiagramText } from '../../diagram/sequence-text.ts';
import type { WorkbenchState } from '../../workbench/store.ts';
import { themeColours } from './files.ts';

let renders = 0;

/** The mermaid source of the sequence diagram at the store's cursor. */
export function sequenceSource<C>(state: WorkbenchState<C>): string {
  const labels = new Map(state.topology.nodes.map((n) => [n.id as string, n.label]));
  return sequenceDiagramText(sequenceMessages(state.view.entries, null, (id) => labels.get(id) ?? id));
}

export async function sequenceSvg(text: string): Promise<string> {
  const mermaid = (await import('mermaid')).default;
  const { background, dark } = themeColours();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: dark ? 'dark' : 'default',
    sequence: { useMaxWidth: false },
  });
  const { svg } = await mermaid.render(`eda-export-seq-${++renders}`, text);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.getElementsByTagName('parsererror').length > 0) throw new Error('The diagram came out as an unreadable SVG.');
  const rect = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  // After the <style>, before the drawing; the viewBox may start left of 0, so cover it too.
  const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite)) {
    rect.setAttribute('x', String(vb[0]));
    rect.setAttribute('y', String(vb[1]));
    rect.setAttribute('width', String(vb[2]));
    rect.setAttribute('height', String(vb[3]));
  }
  const firstDrawn = [...root.children].find((c) => c.tagName !== 'style' && c.tagName !== 'defs') ?? null;
  root.insertBefore(rect, firstDrawn);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}
