import type { Role } from '@drivebay/api-types';
import { NavLink } from 'react-router';
import { useSessionInfo } from '../features/auth';
import { navLinksFor } from './navLinks';

/** Main navigation, the entries the signed-in role may use; NavLink sets aria-current="page". */
export function NavBar() {
  const role: Role | undefined = useSessionInfo()?.user.role;
  return (
    <nav aria-label="Main" className="nav">
      <ul>
        {navLinksFor(role).map((link) => (
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
