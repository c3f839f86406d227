/** The header's theme switch: one button cycling system → light → dark, labelled in words. */
import { nextThemePreference, useTheme, type ThemePreference } from './theme.ts';

const labels: Record<ThemePreference, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};
const icons: Record<ThemePreference, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle() {
  const { preference, setPreference } = useTheme();
  const next = nextThemePreference(preference);
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => setPreference(next)}
      title={`${labels[preference]}. Click for ${next}.`}
      aria-label={`${labels[preference]}. Switch to ${next}.`}
    >
      <span aria-hidden="true">{icons[preference]}</span> <span className="theme-toggle-text">{labels[preference]}</span>
    </button>
  );
}
