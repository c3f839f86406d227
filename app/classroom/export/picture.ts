/**
 * The topology picture as PNG or SVG, taken from the React Flow pane on screen with
 * modern-screenshot (a maintained, dependency-free DOM-to-image library). It is imported here, and
 * this module is imported only when an export is chosen, so it never weighs on the first page.
 *
 * The controls (zoom buttons) and the records-in-flight canvas are left out: a slide wants the
 * picture, and the flight canvas may belong to a worker (OffscreenCanvas) and cannot be read.
 * The background is the theme's page colour, so the picture looks as it does on screen.
 */
import { themeColours } from './files.ts';

// The nodes' "Actions" menus are controls too, noise on a slide.
const leftOut = ['react-flow__controls', 'react-flow__minimap', 'react-flow__attribution', 'flight-layer', 'node-actions'];

function keep(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  return !leftOut.some((c) => node.classList.contains(c));
}

/** The topology pane of the workbench on this page, or null when it is not on screen (a phone's tab). */
export function topologyElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.topology .react-flow');
}

export async function topologyPng(el: HTMLElement): Promise<Blob> {
  const { domToBlob } = await import('modern-screenshot');
  return domToBlob(el, { type: 'image/png', scale: 2, backgroundColor: themeColours().background, filter: keep });
}

export async function topologySvg(el: HTMLElement): Promise<string> {
  const { domToForeignObjectSvg } = await import('modern-screenshot');
  const svg = await domToForeignObjectSvg(el, { backgroundColor: themeColours().background, filter: keep });
  return new XMLSerializer().serializeToString(svg);
}

/** A PNG blob as a data: URL, for a handout that carries its picture inside. */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('The picture could not be read.'));
    r.readAsDataURL(blob);
  });
}
