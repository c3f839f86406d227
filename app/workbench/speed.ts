/**
 * The speed control's scale. Speeds from 0.1× to 100× span three decades, so the slider moves in
 * log10 steps (a tenth of a decade per notch) and + / − double or halve.
 */
import { clampSpeed } from './store.ts';

export const sliderMin = -1;
export const sliderMax = 2;
export const sliderStep = 0.1;

export const speedToSlider = (speed: number): number => Math.round(Math.log10(clampSpeed(speed)) * 10) / 10;
export const sliderToSpeed = (v: number): number => clampSpeed(Number((10 ** v).toPrecision(2)));
export const fasterSpeed = (speed: number): number => clampSpeed(speed * 2);
export const slowerSpeed = (speed: number): number => clampSpeed(speed / 2);

/** "0.1×", "2.5×", "100×". */
export function formatSpeed(speed: number): string {
  return `${speed >= 10 ? Math.round(speed) : Number(speed.toPrecision(2))}×`;
}

/** Virtual time for people: "850 ms", "12.4 s", "3 min 05 s". */
export function formatVirtualTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${min} min ${String(s).padStart(2, '0')} s`;
}
