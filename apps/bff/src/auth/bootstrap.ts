import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePassword } from './passwords.js';
import type { UserDirectory } from './user-directory.js';

export const INITIAL_ADMIN = 'admin';
export const INITIAL_PASSWORD_FILE = 'initial-admin-password';

/**
 * First start: with no admin at all, creates `admin` with a random password, written to a file
 * only the owner can read and returned so the console output can show it once. There is no
 * default password. Later starts return undefined. (Service accounts without a password, such as
 * the embedded CSI plugin's, do not count: nobody can sign in with them.)
 */
export async function bootstrapAdmin(
  users: UserDirectory,
  dataDir: string,
): Promise<{ username: string; password: string; file: string } | undefined> {
  if ((await users.list()).some((user) => user.role === 'admin')) return undefined;
  const password = generatePassword();
  const file = join(dataDir, INITIAL_PASSWORD_FILE);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  await users.create(INITIAL_ADMIN, 'admin', password);
  return { username: INITIAL_ADMIN, password, file };
}
