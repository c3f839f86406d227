/**
 * Pre-rendered token shapes and labels for the flight canvas.
 *
 * With software rasterisation (headless Chromium, many laptops without GPU canvas) filling
 * hundreds of anti-aliased paths and text runs per frame costs far more than copying small
 * bitmaps, so each shape × colour and each label text is drawn once into its own little canvas and
 * the frame only `drawImage`s them. Labels are kept in a bounded cache (keys are few per run, but
 * a run may produce many); sprites are redrawn when the pixel ratio or theme colours change.
 */
import type { TokenShape } from './flight-tokens.ts';

export const tokenRadiusPx = 6;
export const labelFontPx = 11;
/** Label bitmaps kept at most. */
export const labelCacheMax = 600;

export interface Sprite {
  image: HTMLCanvasElement | OffscreenCanvas;
  /** Where the anchor point sits inside the image, in device pixels. */
  ox: number;
  oy: number;
}

type SpriteCanvas = HTMLCanvasElement | OffscreenCanvas;
type SpriteCtx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A small canvas: an OffscreenCanvas where there is one (always in the painting worker). */
function canvasOf(w: number, h: number): [SpriteCanvas, SpriteCtx] {
  const width = Math.max(1, Math.ceil(w));
  const height = Math.max(1, Math.ceil(h));
  if (typeof OffscreenCanvas !== 'undefined') {
    const c = new OffscreenCanvas(width, height);
    return [c, c.getContext('2d')!];
  }
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return [c, c.getContext('2d')!];
}

export class SpriteCache {
  private shapes = new Map<string, Sprite>();
  private labels = new Map<string, Sprite>();

  constructor(
    private ratio: number,
    private text: string,
    private halo: string,
    private outline: string,
  ) {}

  /** Drops every bitmap when the pixel ratio or colours change; returns whether anything changed. */
  configure(ratio: number, text: string, halo: string, outline: string): void {
    if (ratio === this.ratio && text === this.text && halo === this.halo && outline === this.outline) return;
    Object.assign(this, { ratio, text, halo, outline });
    this.shapes.clear();
    this.labels.clear();
  }

  shape(shape: TokenShape, fill: string): Sprite {
    const k = `${shape}\u0000${fill}`;
    let s = this.shapes.get(k);
    if (s) return s;
    const r = tokenRadiusPx * this.ratio;
    const pad = 2 * this.ratio;
    const size = 2 * (r * 1.3 + pad);
    const [c, g] = canvasOf(size, size);
    const m = size / 2;
    g.fillStyle = fill;
    g.strokeStyle = this.outline;
    g.lineWidth = this.ratio;
    g.beginPath();
    if (shape === 'record') g.arc(m, m, r, 0, Math.PI * 2);
    else if (shape === 'batch') g.rect(m - r * 0.9, m - r * 0.9, r * 1.8, r * 1.8);
    else {
      g.moveTo(m, m - r * 1.3);
      g.lineTo(m + r * 1.3, m);
      g.lineTo(m, m + r * 1.3);
      g.lineTo(m - r * 1.3, m);
      g.closePath();
    }
    g.fill();
    g.stroke();
    s = { image: c, ox: m, oy: m };
    this.shapes.set(k, s);
    return s;
  }

  label(text: string): Sprite {
    let s = this.labels.get(text);
    if (s) return s;
    const font = `600 ${labelFontPx * this.ratio}px system-ui, sans-serif`;
    const [probe, pg] = canvasOf(1, 1);
    void probe;
    pg.font = font;
    const pad = 3 * this.ratio;
    const w = pg.measureText(text).width + 2 * pad;
    const h = (labelFontPx + 6) * this.ratio;
    const [c, g] = canvasOf(w, h);
    g.font = font;
    g.textBaseline = 'middle';
    g.lineJoin = 'round';
    g.lineWidth = 3 * this.ratio;
    g.strokeStyle = this.halo;
    g.fillStyle = this.text;
    g.strokeText(text, pad, h / 2);
    g.fillText(text, pad, h / 2);
    if (this.labels.size >= labelCacheMax) this.labels.delete(this.labels.keys().next().value!);
    s = { image: c, ox: 0, oy: h / 2 };
    this.labels.set(text, s);
    return s;
  }
}
