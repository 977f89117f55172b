import { loginPath } from './loginPath';

type Handler = () => void;

/** Before the app registers its own handler (or outside it), a 401 is a full page load of the login page. */
const hardRedirect: Handler = () => {
  const { pathname, search, hash } = window.location;
  window.location.assign(loginPath(`${pathname}${search}${hash}`, 'expired'));
};

let handler: Handler = hardRedirect;

/** Sets what a 401 from any API call does; returns a function that restores the default. */
export function onUnauthorized(next: Handler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = hardRedirect;
  };
}

/** Called by the fetch layer on every 401: the session is gone, so the app sends the user to sign in. */
export function reportUnauthorized(): void {
  handler();
}
