import { parse as parseQuery } from 'node:querystring';
import type { RouteRule } from '../../auth/access.js';
import type { FuzzBody, FuzzCase } from './fuzz-cases.js';
import type { RouteInputs } from './route-inputs.js';
import { matchRule, mutates, type RuleKey, ruleKey } from './route-rules.js';

type Parsed = { rejected: true } | { rejected: false; value: unknown };

const decoder = new TextDecoder('utf-8');

/**
 * The body as Express hands it to a route (express.json(): strict, UTF-8, 64 KiB), or rejected
 * when the parser refuses it. Where unsure it says "parsed", so the fuzz errs towards skipping.
 */
export function bodyAsParsed(body: FuzzBody | undefined): Parsed {
  if (body === undefined) return { rejected: false, value: undefined };
  const [mediaType = '', ...params] = (body.contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json') return { rejected: false, value: undefined };
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length);
  if (charset !== undefined && !charset.startsWith('utf-')) return { rejected: true };
  const encoding = body.contentEncoding?.toLowerCase() ?? 'identity';
  if (encoding !== 'identity')
    return body.bytes.length === 0 ? { rejected: false, value: {} } : { rejected: true };
  if (body.bytes.length > 64 * 1024) return { rejected: true };
  const text = decoder.decode(body.bytes);
  if (text.length === 0) return { rejected: false, value: {} };
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return { rejected: true };
  try {
    return { rejected: false, value: JSON.parse(text) };
  } catch {
    return { rejected: true };
  }
}

export interface Classification {
  /** The rule Express routes the request to, if any. */
  rule: RouteRule | undefined;
  /** Every input the route parses would pass its schema (true for routes that parse nothing). */
  valid: boolean;
  parsesNothing: boolean;
}

/** Where a fuzz request lands, and whether its route would accept its input. */
export function classify(
  c: FuzzCase,
  rules: readonly RouteRule[],
  inputs: Partial<Record<RuleKey, RouteInputs>>,
): Classification {
  const url = new URL(c.path, 'http://fuzz.invalid');
  const match = matchRule(rules, c.method, url.pathname);
  if (!match) return { rule: undefined, valid: false, parsesNothing: false };
  const spec = inputs[ruleKey(match.rule)];
  const parsesNothing = !spec?.body && !spec?.query && !spec?.params;
  if (match.params === undefined) return { rule: match.rule, valid: false, parsesNothing };
  const body = bodyAsParsed(c.body);
  const checks: [unknown, RouteInputs['body']][] = [
    [body.rejected ? undefined : body.value, spec?.body],
    [parseQuery(url.search.slice(1)), spec?.query],
    [match.params, spec?.params],
  ];
  const valid =
    !body.rejected &&
    checks.every(([value, schema]) => schema === undefined || schema.safeParse(value).success);
  return { rule: match.rule, valid, parsesNothing };
}

/**
 * Whether the fuzz may send a request: its input must be malformed for the route it reaches. A
 * route that parses nothing is only sent what cannot change anything (a sign-out never as the
 * fuzz's own session).
 */
export function isMalformedEnough(c: FuzzCase, classification: Classification): boolean {
  const { rule, valid, parsesNothing } = classification;
  if (!rule || !valid) return true;
  if (parsesNothing) return !mutates(rule) || c.auth !== 'admin';
  return false;
}
