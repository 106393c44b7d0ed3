import { themeSettings, useTheme } from './themeSettings';

/** "Light theme": a toggle button (aria-pressed), remembered in this browser. */
export function ThemeToggle() {
  const theme = useTheme();
  const light = theme === 'light';
  return (
    <button
      type="button"
      className="ghost toggle theme-toggle"
      aria-pressed={light}
      title={light ? 'Switch to the dark theme' : 'Switch to the light theme (better on projectors)'}
      onClick={() => themeSettings.set(light ? 'dark' : 'light')}
    >
      <span aria-hidden="true">{light ? '☀' : '☾'}</span> Light theme
    </button>
  );
}
