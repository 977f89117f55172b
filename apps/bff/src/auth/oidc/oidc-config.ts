import { ROLES, type Role, RoleSchema } from '@drivebay/api-types';
import { z } from 'zod';
import { ConfigError } from '../../config.js';

/** Which group grants which role; "*" is every signed-in user. A Map, so a group named "constructor" is just a group. */
export type RoleMap = ReadonlyMap<string, Role>;

const ROLE_MAP_EXAMPLE = 'storage-admins=admin,storage-ops=operator,*=viewer';

/** "group=role,…": split at the last "=" because group names (paths, DNs) may hold one, roles never do. */
export const RoleMapSchema = z.string().transform((text, ctx): RoleMap => {
  const map = new Map<string, Role>();
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, at).trim();
    const role = RoleSchema.safeParse(entry.slice(at + 1).trim());
    if (at < 0 || !group || !role.success) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not group=role (role: ${ROLES.join(', ')})` });
      return z.NEVER;
    }
    if (map.has(group)) {
      ctx.addIssue({ code: 'custom', message: `names group "${group}" twice` });
      return z.NEVER;
    }
    map.set(group, role.data);
  }
  if (map.size === 0) ctx.addIssue({ code: 'custom', message: `is required, e.g. ${ROLE_MAP_EXAMPLE}` });
  return map;
});

/** http:// only reaches loopback (tests, demos): tokens must never cross a network in the clear. */
function isHttpsOrLoopback(value: string): boolean {
  // zod runs this refinement even when the URL check failed; that failure is the one reported.
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  if (url.protocol === 'https:') return true;
  const loopback =
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.localhost');
  return url.protocol === 'http:' && loopback;
}

const SecureUrlSchema = z
  .url({ message: 'must be an absolute URL' })
  .refine(isHttpsOrLoopback, 'must be https:// (http:// only for localhost)');

const OptionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** The OIDC settings as environment variables; each error names the variable. */
export const OidcEnvSchema = z
  .object({
    /** The provider's issuer URL; discovery reads <issuer>/.well-known/openid-configuration. */
    OIDC_ISSUER: SecureUrlSchema,
    OIDC_CLIENT_ID: z.string({ message: 'is required' }).trim().min(1, 'is required'),
    /** Absent for a public client, which then relies on PKCE alone. */
    OIDC_CLIENT_SECRET: OptionalText,
    /** Our callback as registered at the provider; the route is mounted at /api/v1/auth/oidc/callback. */
    OIDC_REDIRECT_URL: SecureUrlSchema.refine(
      (value) => !URL.canParse(value) || new URL(value).pathname.endsWith('/api/v1/auth/oidc/callback'),
      'must end in /api/v1/auth/oidc/callback, e.g. https://drivebay.example.com/api/v1/auth/oidc/callback',
    ),
    OIDC_SCOPES: OptionalText.transform((value) =>
      (value ?? 'openid profile email groups').split(/[\s,]+/),
    ).refine((scopes) => scopes.includes('openid'), 'must include openid (space-separated scopes)'),
    OIDC_USERNAME_CLAIM: OptionalText.transform((value) => value ?? 'preferred_username'),
    OIDC_GROUPS_CLAIM: OptionalText.transform((value) => value ?? 'groups'),
    OIDC_ROLE_MAP: z.string({ message: `is required, e.g. ${ROLE_MAP_EXAMPLE}` }).pipe(RoleMapSchema),
    OIDC_LABEL: OptionalText.pipe(z.string().max(60, 'is at most 60 characters').optional()).transform(
      (value) => value ?? 'Single sign-on',
    ),
  })
  .transform((env) => ({
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl: env.OIDC_REDIRECT_URL,
    scopes: env.OIDC_SCOPES.filter(Boolean),
    usernameClaim: env.OIDC_USERNAME_CLAIM,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    roleMap: env.OIDC_ROLE_MAP,
    label: env.OIDC_LABEL,
  }));
export type OidcConfig = z.output<typeof OidcEnvSchema>;
export type OidcVariable = keyof z.input<typeof OidcEnvSchema>;

/** Reads the OIDC_* values (environment, or flags mapped to these names); undefined when OIDC_ISSUER is unset. */
export function loadOidcConfig(values: Partial<Record<string, string | undefined>>): OidcConfig | undefined {
  if (!values.OIDC_ISSUER?.trim()) return undefined;
  const parsed = OidcEnvSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigError(`${String(issue?.path[0] ?? 'OIDC')}: ${issue?.message ?? 'invalid'}`);
}

/** The highest role any of the groups grants, at least the "*" role; null when nothing grants access. */
export function roleForGroups(groups: readonly string[], roleMap: RoleMap): Role | null {
  let best = roleMap.get('*') ?? null;
  for (const group of groups) {
    const role = roleMap.get(group);
    if (role && (best === null || ROLES.indexOf(role) > ROLES.indexOf(best))) best = role;
  }
  return best;
}
