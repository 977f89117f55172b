import fc from 'fast-check';
import type { RouteRule } from '../../auth/access.js';
import {
  brokenJsonTexts,
  invalidUtf8,
  malformedQueryValue,
  malformedSegment,
  nastyJson,
  rawNumberTexts,
  strangeQueryKeys,
} from './malformed.js';
import type { RouteInputs } from './route-inputs.js';
import { type RuleKey, ruleKey } from './route-rules.js';

/** Who a fuzz request claims to be: the admin's session or token, or something that is not signed in. */
export type AuthMode =
  | 'admin'
  | 'admin-token'
  | 'anonymous'
  | 'no-csrf'
  | 'foreign-origin'
  | 'bogus-token'
  | 'bogus-cookie';

export interface FuzzBody {
  contentType?: string;
  contentEncoding?: string;
  bytes: Uint8Array;
}

/** One malformed request aimed at a rule. */
export interface FuzzCase {
  target: RuleKey;
  method: RouteRule['method'];
  /** Path and query, encoded as sent; relative to the server. */
  path: string;
  auth: AuthMode;
  body?: FuzzBody;
  /** What was broken, for the failure report. */
  label: string;
}

const encoder = new TextEncoder();
const text = (value: string) => encoder.encode(value);

const authMode: fc.Arbitrary<AuthMode> = fc.oneof(
  { arbitrary: fc.constant<AuthMode>('admin'), weight: 70 },
  { arbitrary: fc.constant<AuthMode>('admin-token'), weight: 8 },
  { arbitrary: fc.constant<AuthMode>('anonymous'), weight: 10 },
  { arbitrary: fc.constant<AuthMode>('no-csrf'), weight: 3 },
  { arbitrary: fc.constant<AuthMode>('foreign-origin'), weight: 2 },
  { arbitrary: fc.constant<AuthMode>('bogus-token'), weight: 4 },
  { arbitrary: fc.constant<AuthMode>('bogus-cookie'), weight: 3 },
);

const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 60 },
  { arbitrary: fc.constant('application/json; charset=utf-8'), weight: 8 },
  { arbitrary: fc.constant('APPLICATION/JSON'), weight: 3 },
  { arbitrary: fc.constant(undefined), weight: 5 },
  {
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/vnd.api+json',
      'application/json; charset=latin1',
      'application/json; charset=bogus',
      'application/json;;;',
    ),
    weight: 12,
  },
);

const contentEncoding: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 92 },
  { arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'identity'), weight: 8 },
);

/** A valid object broken in one to three places: a key dropped, a value replaced, a key added. */
function brokenObject(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const edit = fc.oneof(
    fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom(...keys) }),
    fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...keys), value: nastyJson }),
    fc.record({
      op: fc.constant('add' as const),
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'role', 'admin', 'id'), fc.string()),
      value: nastyJson,
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    // JSON.parse makes __proto__ an own key, as the server's parser will.
    const object: Record<string, unknown> = JSON.parse(JSON.stringify(sample));
    for (const e of edits) {
      if (e.op === 'drop') delete object[e.key];
      else
        Object.defineProperty(object, e.key, {
          value: e.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return object;
  });
}

/** A body for a rule: broken JSON values, broken JSON text, bytes that are not UTF-8, too much of it. */
function fuzzBody(sample: Record<string, unknown>): fc.Arbitrary<{ bytes: Uint8Array; label: string }> {
  const json = JSON.stringify(sample);
  const keys = Object.keys(sample);
  const value = (v: unknown, label: string) => ({ bytes: text(JSON.stringify(v) ?? 'null'), label });
  return fc.oneof(
    { arbitrary: brokenObject(sample).map((v) => value(v, 'broken field')), weight: 40 },
    { arbitrary: nastyJson.map((v) => value(v, 'arbitrary JSON')), weight: 10 },
    { arbitrary: fc.constant(value([sample], 'array instead of object')), weight: 3 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...rawNumberTexts)).map(([key, raw]) => ({
        bytes: text(json.replace('}', `,"${key}":${raw}}`)),
        label: `raw number ${raw}`,
      })),
      weight: 6,
    },
    {
      arbitrary: fc
        .constantFrom(...brokenJsonTexts)
        .map((t) => ({ bytes: text(t), label: 'broken JSON text' })),
      weight: 8,
    },
    {
      arbitrary: fc.integer({ min: 1, max: Math.max(1, json.length - 1) }).map((n) => ({
        bytes: text(json.slice(0, n)),
        label: 'truncated JSON',
      })),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom(...invalidUtf8).map((bad) => {
        // Inside the first string value, so that only the bytes are wrong, not the JSON around them.
        const at = json.includes(':"') ? json.indexOf(':"') + 2 : 1;
        const bytes = new Uint8Array([...text(json.slice(0, at)), ...bad, ...text(json.slice(at))]);
        return { bytes, label: 'invalid UTF-8' };
      }),
      weight: 6,
    },
    {
      arbitrary: fc.integer({ min: 10, max: 3_000 }).map((depth) => ({
        bytes: text(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`),
        label: 'deeply nested',
      })),
      weight: 3,
    },
    {
      arbitrary: fc
        .constantFrom(
          `{"__proto__":{"role":"admin","isAdmin":true},${json.slice(1)}`,
          `{"constructor":{"prototype":{"polluted":true}},${json.slice(1)}`,
          `{${keys.map((k) => `"${k}":{"__proto__":{"length":1}}`).join(',')}}`,
        )
        .map((t) => ({ bytes: text(t), label: 'prototype pollution' })),
      weight: 4,
    },
    {
      arbitrary: fc.integer({ min: 66_000, max: 90_000 }).map((n) => ({
        bytes: text(`{"${keys[0]}":"${'x'.repeat(n)}"}`),
        label: 'over 64 KiB',
      })),
      weight: 2,
    },
    {
      arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => ({
        bytes: text(`{"${keys[0]}":"${'é'.repeat(Math.floor(n / 2))}"}`),
        label: 'very long string',
      })),
      weight: 2,
    },
    { arbitrary: fc.constant({ bytes: new Uint8Array(), label: 'empty body' }), weight: 2 },
  );
}

/** A query string for a rule: the valid sample with keys repeated, made arrays, broken or added. */
function fuzzQuery(sample: Record<string, string> | undefined): fc.Arbitrary<string> {
  const pairs = Object.entries(sample ?? { q: '1' });
  const keys = pairs.map(([k]) => k);
  const edit = fc.oneof(
    fc.tuple(fc.constant('set'), fc.constantFrom(...keys), malformedQueryValue),
    fc.tuple(fc.constant('repeat'), fc.constantFrom(...keys), malformedQueryValue),
    fc.tuple(fc.constant('array'), fc.constantFrom(...keys), malformedQueryValue),
    fc.tuple(fc.constant('add'), fc.constantFrom(...strangeQueryKeys), malformedQueryValue),
    fc.tuple(fc.constant('drop'), fc.constantFrom(...keys), fc.constant('')),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let list: [string, string][] = pairs.map(([k, v]) => [k, encodeURIComponent(v)]);
    for (const [op, key, value] of edits) {
      if (op === 'set') list = list.map(([k, v]) => [k, k === key ? value : v]);
      else if (op === 'repeat') list.push([key, value]);
      else if (op === 'array') list.push([`${key}[]`, value]);
      else if (op === 'add') list.push([key, value]);
      else list = list.filter(([k]) => k !== key);
    }
    return list.map(([k, v]) => `${k}=${v}`).join('&');
  });
}

/** Malformed requests aimed at one rule: broken params, query and body, under assorted credentials. */
export function fuzzCases(
  rule: RouteRule,
  inputs: RouteInputs | undefined,
  realParams: Readonly<Record<string, string[]>>,
): fc.Arbitrary<FuzzCase> {
  const segment = (name: string) => {
    const real = realParams[name] ?? ['x'];
    return fc.oneof(
      { arbitrary: fc.constantFrom(...real).map(encodeURIComponent), weight: 4 },
      { arbitrary: malformedSegment(real), weight: 6 },
    );
  };
  const names = [...rule.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const path = fc.tuple(...names.map(segment)).map((values) => {
    let i = 0;
    return rule.path.replace(/:(\w+)/g, () => values[i++] ?? '');
  });
  const tail = fc.oneof(
    { arbitrary: fc.constant(''), weight: 94 },
    { arbitrary: fc.constantFrom('/', '/extra', '/%2e%2e/volumes', '//', '/..'), weight: 6 },
  );
  const query = fc.oneof(
    { arbitrary: fc.constant(''), weight: inputs?.query ? 2 : 6 },
    { arbitrary: fuzzQuery(inputs?.sampleQuery), weight: inputs?.query ? 8 : 4 },
  );
  const body =
    rule.method === 'GET'
      ? fc.constant(undefined)
      : fc.record({
          payload: fuzzBody(inputs?.sampleBody ?? { any: 'thing' }),
          contentType,
          contentEncoding,
        });
  return fc
    .record({ path, tail, query, body, auth: authMode, shout: fc.integer({ min: 0, max: 49 }) })
    .map(({ path, tail, query, body, auth, shout }) => {
      const full = `${path}${tail}`;
      const cased = shout === 0 ? full.toUpperCase() : full;
      return {
        target: ruleKey(rule),
        method: rule.method,
        path: query ? `${cased}?${query}` : cased,
        auth,
        ...(body
          ? {
              body: {
                bytes: body.payload.bytes,
                ...(body.contentType ? { contentType: body.contentType } : {}),
                ...(body.contentEncoding ? { contentEncoding: body.contentEncoding } : {}),
              },
            }
          : {}),
        label: [body?.payload.label, query && 'query', tail && 'path tail', shout === 0 && 'upper case']
          .filter(Boolean)
          .join(', '),
      };
    });
}
