/** How big a token's label is drawn, measured once per text on the main thread (FlightLayer.tsx). */
import { labelFontPx } from './sprites.ts';

/** Label bitmap sizes (sprites.ts draws them: text + 3 px padding each side, 17 px high), cached. */
const labelSizes = new Map<string, [number, number]>();
let measureCtx: CanvasRenderingContext2D | null = null;
export function labelSize(text: string, ratio: number): [number, number] {
  const k = `${ratio}\u0000${text}`;
  let size = labelSizes.get(k);
  if (size) return size;
  measureCtx ??= document.createElement('canvas').getContext('2d');
  let w = text.length * labelFontPx * 0.62 * ratio;
  if (measureCtx) {
    measureCtx.font = `600 ${labelFontPx * ratio}px system-ui, sans-serif`;
    w = measureCtx.measureText(text).width;
  }
  size = [Math.ceil(w + 6 * ratio), (labelFontPx + 6) * ratio];
  if (labelSizes.size > 2000) labelSizes.clear();
  labelSizes.set(k, size);
  return size;
}
