import { createSecurity, defaultSecurityOptions } from '../../auth/security.js';
import { defineModule } from '../module.js';
import { services } from '../services.js';

/** How often sockets whose session or token expired meanwhile are closed. */
const SOCKET_SWEEP_MS = 5_000;

/** Users, sessions, tokens, lockout, the middleware chain and the access table of every API route. */
export const securityModule = defineModule({
  name: 'security',
  deps: {
    store: services.store,
    writer: services.writer,
    audit: services.audit,
    mirror: services.mirror,
    clock: services.clock,
    log: services.log,
    config: services.config,
  },
  provides: { security: services.security },
  init({ store, writer, audit, mirror, clock, log, config }, lifecycle) {
    const options = { ...defaultSecurityOptions, ...config.security, secure: config.tls !== undefined };
    const security = createSecurity(store, writer, audit, mirror, clock, options, log);
    let sweep: NodeJS.Timeout | undefined;
    lifecycle.onStart(() => {
      sweep = setInterval(() => {
        security.sockets
          .sweep()
          .catch((error: unknown) => log.warn('socket sweep failed', { error: String(error) }));
      }, SOCKET_SWEEP_MS);
      sweep.unref();
    });
    lifecycle.onStop(() => clearInterval(sweep));
    return { security };
  },
});
