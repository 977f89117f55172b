import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_PASSWORD_FILE } from '../../auth/bootstrap.js';
import { oidcRoutes } from '../../auth/oidc/oidc-routes.js';
import { oidcSignIn } from '../../auth/oidc-sign-in.js';
import { auditRoutes } from '../../http/routes/audit.js';
import { authRoutes } from '../../http/routes/auth.js';
import { userRoutes } from '../../http/routes/users.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** Signing in and out (local and, when configured, OpenID Connect), users and tokens, the audit trail. */
export const securityRoutesModule = defineModule({
  name: 'security-routes',
  deps: {
    security: services.security,
    mirror: services.mirror,
    api: services.api,
    config: services.config,
    log: services.log,
  },
  init({ security, mirror, api, config, log }) {
    const { table } = security;
    api.add(
      authRoutes(table, {
        signIn: security.signIn,
        sessions: security.sessions,
        users: security.users,
        audit: security.audit,
        cookies: security.cookies,
        config: () => ({
          oidc: { enabled: config.oidcLogin !== undefined, label: config.oidcLogin?.config.label ?? '' },
          initialPasswordFile: initialPasswordFile(config.dataDir),
        }),
      }),
    );
    api.add(userRoutes(table, security.users, security.tokens, security.lockout));
    api.add(auditRoutes(table, mirror.audit));
    if (config.oidcLogin) api.add(oidcRoutes(config.oidcLogin, oidcSignIn(security), log, table));
  },
});

/** The first admin's password file, while it exists in the data directory. */
function initialPasswordFile(dataDir: string | undefined): string | null {
  if (!dataDir) return null;
  const file = join(dataDir, INITIAL_PASSWORD_FILE);
  return existsSync(file) ? file : null;
}
