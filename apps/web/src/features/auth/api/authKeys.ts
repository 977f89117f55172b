/** Query keys for sign-in data. */
export const authKeys = {
  all: ['auth'] as const,
  /** Who is signed in: GET /api/v1/auth/me. */
  me: () => [...authKeys.all, 'me'] as const,
  /** What the login page offers: GET /api/v1/auth/config. */
  config: () => [...authKeys.all, 'config'] as const,
};
