import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts.ts';
import { fasterSpeed, formatSpeed, formatVirtualTime, sliderToSpeed, slowerSpeed, speedToSlider } from './speed.ts';

describe('shortcuts', () => {
  it('maps transport keys, including a clicker’s PageUp/PageDown and "."', () => {
    expect(shortcutFor({ key: ' ' })).toBe('toggle-play');
    expect(shortcutFor({ key: 'ArrowRight' })).toBe('step-forward');
    expect(shortcutFor({ key: 'PageDown' })).toBe('step-forward');
    expect(shortcutFor({ key: '.' })).toBe('step-forward');
    expect(shortcutFor({ key: 'ArrowLeft' })).toBe('step-back');
    expect(shortcutFor({ key: 'PageUp' })).toBe('step-back');
    expect(shortcutFor({ key: 'Home' })).toBe('to-start');
    expect(shortcutFor({ key: 'End' })).toBe('to-end');
    expect(shortcutFor({ key: '+' })).toBe('faster');
    expect(shortcutFor({ key: '-' })).toBe('slower');
    expect(shortcutFor({ key: '?' })).toBe('help');
    expect(shortcutFor({ key: 'x' })).toBeUndefined();
  });

  it('leaves text fields, sliders’ own keys, buttons’ Space and browser shortcuts alone', () => {
    expect(shortcutFor({ key: ' ', targetTag: 'INPUT', targetType: 'text' })).toBeUndefined();
    expect(shortcutFor({ key: '.', targetTag: 'TEXTAREA' })).toBeUndefined();
    expect(shortcutFor({ key: 'ArrowLeft', targetTag: 'INPUT', targetType: 'range' })).toBeUndefined();
    expect(shortcutFor({ key: ' ', targetTag: 'INPUT', targetType: 'range' })).toBe('toggle-play');
    expect(shortcutFor({ key: ' ', targetTag: 'BUTTON' })).toBeUndefined();
    expect(shortcutFor({ key: 'ArrowRight', targetTag: 'BUTTON' })).toBe('step-forward');
    expect(shortcutFor({ key: 'ArrowRight', ctrlKey: true })).toBeUndefined();
    expect(shortcutFor({ key: 'x', targetEditable: true })).toBeUndefined();
  });
});

describe('speed scale', () => {
  it('spans 0.1× to 100× on a log slider and round-trips', () => {
    expect(sliderToSpeed(-1)).toBe(0.1);
    expect(sliderToSpeed(0)).toBe(1);
    expect(sliderToSpeed(2)).toBe(100);
    for (const s of [0.1, 0.5, 1, 2, 10, 100]) expect(sliderToSpeed(speedToSlider(s))).toBeCloseTo(s, 0);
    expect(fasterSpeed(80)).toBe(100);
    expect(slowerSpeed(0.15)).toBe(0.1);
  });

  it('formats speeds and virtual times for people', () => {
    expect(formatSpeed(0.1)).toBe('0.1×');
    expect(formatSpeed(2.5)).toBe('2.5×');
    expect(formatSpeed(100)).toBe('100×');
    expect(formatVirtualTime(850)).toBe('850 ms');
    expect(formatVirtualTime(1234)).toBe('1.23 s');
    expect(formatVirtualTime(12_400)).toBe('12.4 s');
    expect(formatVirtualTime(185_000)).toBe('3 min 05 s');
  });
});
