import { fail, ok, type Result } from '../types.js';

/** Longest accepted node path; Linux PATH_MAX is 4096, but a kubelet path is far shorter. */
export const MAX_PATH_LENGTH = 1024;

/**
 * Checks a staging or target path from the node plugin. Paths are compared as given, so they
 * must be absolute and free of `..`: otherwise two spellings of one directory could both mount.
 */
export function checkPath(path: string, field: 'stagingPath' | 'targetPath'): Result<string> {
  if (path.length === 0) return fail('INVALID_ARGUMENT', `${field} is empty`, field);
  if (path.length > MAX_PATH_LENGTH)
    return fail(
      'INVALID_ARGUMENT',
      `${field} is ${path.length} characters long; at most ${MAX_PATH_LENGTH} are accepted`,
      field,
    );
  if (!path.startsWith('/'))
    return fail('INVALID_ARGUMENT', `${field} "${path}" is not absolute: it must start with "/"`, field);
  // Control characters (NUL above all) never belong in a mount path.
  if (/\p{Cc}/u.test(path)) return fail('INVALID_ARGUMENT', `${field} contains a control character`, field);
  if (path.split('/').includes('..'))
    return fail('INVALID_ARGUMENT', `${field} "${path}" contains a ".." segment`, field);
  return ok(path);
}
