import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ConnectionIndicator } from './ConnectionIndicator';
import { NavBar } from './NavBar';
import { ThemeToggle } from './ThemeToggle';

/** Header with product name, navigation, connection state and theme; the page below. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header className="shell-header">
        <Link className="brand" to="/">
          <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" className="brand-mark">
            <rect x="1" y="2" width="14" height="4" rx="1" />
            <rect x="1" y="10" width="14" height="4" rx="1" />
          </svg>
          Drivebay
        </Link>
        <NavBar />
        <div className="shell-tools">
          <ConnectionIndicator />
          <ThemeToggle />
        </div>
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
