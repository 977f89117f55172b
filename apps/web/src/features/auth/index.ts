// What the shell and other pages may use of the auth feature: who is signed in, what they may
// do, and the session's lifecycle (the guard, re-checking, signing out).
export { logout } from './api/authApi';
export { markSessionEnded, recheckSession } from './api/sessionQueries';
export { NeedRole } from './components/NeedRole';
export { useCan, useSessionInfo } from './hooks/useSession';
export { RequireSession } from './RequireSession';
