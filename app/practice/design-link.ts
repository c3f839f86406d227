/**
 * "Share this verdict": a link to an exercise that carries the graded design, so whoever opens it
 * sees the same design and, checking it, the same verdict (graders are deterministic). The design
 * travels compressed and tagged with its format version (`d1:`), like share links; opening one
 * validates it as any untrusted design.
 */
import lzString from 'lz-string';
import { parseDesign, type Design } from '../../simulator/index.ts';

const tag = 'd1:';
const lengthMax = 20_000;

export function encodeDesign(design: Design): string {
  return tag + lzString.compressToEncodedURIComponent(JSON.stringify(design));
}

/** The design a link carries, or a message saying what is wrong with it. */
export function decodeDesign(text: string, exercise: string): { ok: true; design: Design } | { ok: false; message: string } {
  if (!text.startsWith(tag) || text.length > lengthMax)
    return { ok: false, message: 'This shared design is damaged or from a newer version of EDA Lab.' };
  let json: string | null;
  try {
    json = lzString.decompressFromEncodedURIComponent(text.slice(tag.length));
  } catch {
    json = null;
  }
  if (!json) return { ok: false, message: 'This shared design is damaged: it could not be read.' };
  const d = parseDesign(json, exercise);
  return d.ok ? { ok: true, design: d.value } : { ok: false, message: `This shared design is not valid: ${d.error.message}` };
}

export function exerciseHref(exercise: string, design?: Design): string {
  return `#/practice/${exercise}${design ? `?d=${encodeURIComponent(encodeDesign(design))}` : ''}`;
}
