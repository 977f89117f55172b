import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { logout, markSessionEnded, useSessionInfo } from '../features/auth';
import { FormError } from '../shared/components/FormError';
import { RoleBadge } from '../shared/components/RoleBadge';
import { useDismiss } from '../shared/hooks/useDismiss';

/** Who is signed in (name and role, always visible) and a menu: change password, API tokens, sign out. */
export function UserMenu() {
  const info = useSessionInfo();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useDismiss(open, rootRef, () => setOpen(false));
  const signOut = useMutation({
    mutationFn: logout,
    onSuccess: () => markSessionEnded(queryClient, 'signed-out'),
  });
  if (!info) return null;
  const close = () => setOpen(false);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span className="user-name">{info.user.username}</span> <RoleBadge role={info.user.role} />
        <span className="user-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={menuId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-who">
          Signed in as <strong>{info.user.username}</strong> ({info.user.role})
        </p>
        <ul>
          <li>
            <Link className="user-menu-item" to="/account" onClick={close}>
              Change password
            </Link>
          </li>
          <li>
            <Link className="user-menu-item" to="/account/tokens" onClick={close}>
              API tokens
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="user-menu-item"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
        <FormError error={signOut.error} prefix="Could not sign out: " />
      </div>
    </div>
  );
}
