import { NavLink } from 'react-router';

const LINKS = [
  { to: '/', label: 'Overview', end: true },
  { to: '/topology', label: 'Topology', end: false },
  { to: '/volumes', label: 'Volumes', end: false },
  { to: '/workloads', label: 'Workloads', end: false },
  { to: '/events', label: 'Events', end: false },
] as const;

/** Main navigation; NavLink sets aria-current="page" on the active link. */
export function NavBar() {
  return (
    <nav aria-label="Main" className="nav">
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
