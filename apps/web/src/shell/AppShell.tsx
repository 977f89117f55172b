import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IncidentBanner } from '../features/incident';
import { BrandMark } from '../shared/components/BrandMark';
import { ThemeToggle } from '../shared/components/ThemeToggle';
import { ConnectionIndicator } from './ConnectionIndicator';
import { NavBar } from './NavBar';
import { UserMenu } from './UserMenu';

/** Header with product name, navigation, connection state, theme and who is signed in; the page below. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header className="shell-header">
        <Link className="brand" to="/">
          <BrandMark />
          <span className="brand-name">Drivebay</span>
        </Link>
        <NavBar />
        <div className="shell-tools">
          <ConnectionIndicator />
          <ThemeToggle />
          <UserMenu />
        </div>
      </header>
      <IncidentBanner />
      <main className="shell-main">{children}</main>
    </div>
  );
}
