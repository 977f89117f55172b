import { ErrorBodySchema } from '@drivebay/api-types';
import type { RouteRule } from '../../auth/access.js';
import type { FuzzOutcome } from './fuzz-sender.js';
import { matchRule } from './route-rules.js';

/** The likely cause of a failed answer, from what was malformed about its request. */
export function suspectedCause(o: FuzzOutcome, rules: readonly RouteRule[]): string {
  const { request } = o;
  const match = matchRule(rules, request.method, new URL(request.path, 'http://fuzz.invalid').pathname);
  if (match && match.params === undefined) return 'a path param that is not valid percent-encoding';
  const encoding = request.body?.contentEncoding?.toLowerCase();
  if (encoding && encoding !== 'identity')
    return `a body with Content-Encoding: ${encoding} that does not inflate`;
  return `unexplained (${request.label || 'params'})`;
}

/** Outcomes grouped by `why`, largest group first, each with its count and two examples. */
export function grouped(outcomes: readonly FuzzOutcome[], why: (o: FuzzOutcome) => string): string[] {
  const groups = new Map<string, FuzzOutcome[]>();
  for (const o of outcomes) groups.set(why(o), [...(groups.get(why(o)) ?? []), o]);
  const example = (o: FuzzOutcome) =>
    `${o.request.method} ${o.request.path.slice(0, 100)} (${o.request.auth})`;
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, all]) => `${all.length}× ${key}; e.g. ${all.slice(0, 2).map(example).join(' | ')}`);
}

/** Whether an answer's body is the one error shape. */
export function errorShaped(o: FuzzOutcome): boolean {
  try {
    return ErrorBodySchema.safeParse(JSON.parse(o.text)).success;
  } catch {
    return false;
  }
}
