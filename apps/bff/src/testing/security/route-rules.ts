import type { RouteRule } from '../../auth/access.js';

/** How the security tests name a rule: "POST /api/v1/volumes/:id/publish". */
export type RuleKey = `${RouteRule['method']} /api/v1/${string}`;

export function ruleKey(rule: Pick<RouteRule, 'method' | 'path'>): RuleKey {
  return `${rule.method} ${rule.path}` as RuleKey;
}

/** Whether a rule's method can change state (and so needs the CSRF header from a browser session). */
export function mutates(rule: Pick<RouteRule, 'method'>): boolean {
  return rule.method !== 'GET';
}

/** A rule's path with its `:params` filled in; values are URL-encoded unless `raw`. */
export function fillPath(pattern: string, params: Readonly<Record<string, string>>, raw = false): string {
  return pattern.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${pattern}`);
    return raw ? value : encodeURIComponent(value);
  });
}

/** The `:param` names of a path pattern, in order. */
export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}

export interface RuleMatch {
  rule: RouteRule;
  /** The params as Express decodes them; undefined when a value is not valid percent-encoding. */
  params: Record<string, string> | undefined;
}

/**
 * The rule Express routes a request to, as Express matches it: case-insensitive, an optional
 * trailing slash, one segment per param, params percent-decoded.
 */
export function matchRule(
  rules: readonly RouteRule[],
  method: string,
  pathname: string,
): RuleMatch | undefined {
  for (const rule of rules) {
    if (rule.method !== method) continue;
    const names = paramNames(rule.path);
    const source = rule.path.replace(/:(\w+)/g, '([^/]+)');
    const match = new RegExp(`^${source}/?$`, 'i').exec(pathname);
    if (!match) continue;
    try {
      const params = Object.fromEntries(
        names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
      );
      return { rule, params };
    } catch {
      return { rule, params: undefined };
    }
  }
  return undefined;
}
