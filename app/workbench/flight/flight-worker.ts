/**
 * The worker that paints the records-in-flight canvas (see flight-paint.ts). It receives the
 * canvas once, then one message per frame, and paints each as it arrives; the browser shows the
 * canvas's new picture at its next frame without waiting for the page's main thread.
 */
import { paintFrame, type FrameMsg } from './flight-paint.ts';
import { SpriteCache } from './sprites.ts';

type InitMsg = { type: 'init'; canvas: OffscreenCanvas };

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
const sprites = new SpriteCache(1, '', '', '');

self.addEventListener('message', (e: MessageEvent<InitMsg | FrameMsg>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    canvas = msg.canvas;
    ctx = canvas.getContext('2d');
  } else if (canvas && ctx) paintFrame(canvas, ctx, msg, sprites);
});
