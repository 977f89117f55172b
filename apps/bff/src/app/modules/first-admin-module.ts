import { bootstrapAdmin } from '../../auth/bootstrap.js';
import { defineModule, serviceRef } from '../module.js';
import { services } from '../services.js';

/** The account made at first start, if this start made one: what the start banner shows once. */
export interface FirstAdmin {
  created(): { username: string; password: string; file: string } | undefined;
}

export const firstAdminRef = serviceRef<FirstAdmin>('firstAdmin');

/**
 * First start: with no users at all, creates `admin` with a random password saved in the data
 * directory. It runs among the start hooks, so the process is ready only once someone can sign in.
 */
export function firstAdminModule(dataDir: string) {
  return defineModule({
    name: 'first-admin',
    deps: { security: services.security },
    provides: { firstAdmin: firstAdminRef },
    init({ security }, lifecycle) {
      let created: ReturnType<FirstAdmin['created']>;
      lifecycle.onStart(async () => {
        created = await bootstrapAdmin(security.users, dataDir);
      });
      return { firstAdmin: { created: () => created } };
    },
  });
}
