import { describe, expect, it } from 'vitest';
import { nextThemePreference, readThemePreference, resolveTheme } from './theme.ts';

describe('theme preference', () => {
  it('follows the system unless pinned', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('cycles system → light → dark → system', () => {
    expect(nextThemePreference('system')).toBe('light');
    expect(nextThemePreference('light')).toBe('dark');
    expect(nextThemePreference('dark')).toBe('system');
  });

  it('treats a corrupted or unreadable saved value as "system"', () => {
    expect(readThemePreference({ getItem: () => '{"broken' })).toBe('system');
    expect(readThemePreference({ getItem: () => null })).toBe('system');
    expect(readThemePreference({ getItem: () => 'dark' })).toBe('dark');
    expect(
      readThemePreference({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBe('system');
    expect(readThemePreference(undefined)).toBe('system');
  });
});
