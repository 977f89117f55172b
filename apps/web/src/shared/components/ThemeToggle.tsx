import { otherTheme, themeSwitchLabel } from '../theme/theme';
import { setTheme } from '../theme/themeStore';
import { useTheme } from '../theme/useTheme';

/**
 * Switches between the dark and light themes; the choice is remembered. The button says what it
 * does ("Switch to light theme" in the dark theme), so its name never claims a state it is not in.
 * Where the top bar is narrow only the icon shows; the words stay its accessible name and title.
 */
export function ThemeToggle() {
  const theme = useTheme();
  const next = otherTheme(theme);
  const label = themeSwitchLabel(theme);
  const handleClick = () => setTheme(next);
  return (
    <button type="button" className="theme-toggle" onClick={handleClick} title={label}>
      <span aria-hidden="true">{next === 'light' ? '☀' : '☾'}</span>{' '}
      <span className="theme-toggle-label">{label}</span>
    </button>
  );
}
