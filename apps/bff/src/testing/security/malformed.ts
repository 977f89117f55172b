import fc from 'fast-check';

/** Strings that have broken parsers and checks elsewhere: empty, control, surrogates, paths, injections. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  '\r\n',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\u202Eevil',
  'é',
  '💩',
  'Ω'.repeat(64),
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '0x10',
  'null',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '/../..',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  `\${jndi:ldap://x}`,
  '=HYPERLINK("x")',
  'x'.repeat(5_000),
] as const;

export const nastyNumbers = [
  -1,
  0,
  0.5,
  -0.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
] as const;

/** Any JSON value, plus the nasty ones, plus objects keyed for prototype pollution and injection. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  { arbitrary: fc.constantFrom(...nastyStrings), weight: 3 },
  { arbitrary: fc.constantFrom(...nastyNumbers), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      [],
      {},
      [[[]]],
      { $gt: '' },
      JSON.parse('{"__proto__":{"role":"admin"}}'),
      { constructor: { prototype: { polluted: true } } },
      Array.from({ length: 1_000 }, (_, i) => i),
    ),
    weight: 2,
  },
);

/** Numbers JSON.stringify cannot write: the fuzz puts them into body text as they are. */
export const rawNumberTexts = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '123456789012345678901234567890',
  '0.1e1',
  '1E3',
] as const;

/** Broken JSON text. */
export const brokenJsonTexts = [
  'NaN',
  'undefined',
  "{'a':1}",
  '{"a":1,}',
  '[1,2,',
  '{"a":',
  '"just a string"',
  '42',
  'null',
  'true',
  '{}{}',
  '{"a":1}xyz',
  '\u0000{}',
  '{"a":"\u0000"}',
  '{"a":"\\ud800"}',
  '{"a":"\\u12"}',
] as const;

/** Byte sequences that are not UTF-8: lone continuation, overlong, surrogate, out of range. */
export const invalidUtf8 = [
  [0xff],
  [0xfe, 0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
] as const;

/** A path segment as sent on the wire: encoded slashes and dots, broken escapes, too long, unicode. */
export function malformedSegment(real: readonly string[]): fc.Arbitrary<string> {
  const realOne = fc.constantFrom(...real);
  return fc.oneof(
    fc.constantFrom(
      '%2F',
      'a%2Fb',
      '%2f..%2f',
      '.',
      '..',
      '%2e%2e',
      '%2E',
      '...',
      '%00',
      '%',
      '%zz',
      '%E0%A4%A',
      '%C0%AF',
      '%FF',
      '%ED%A0%80',
      '%F0%9F%92%A9',
      'UPPER',
      '-lead',
      '_lead',
      '%20',
      '+',
      'a;b=c',
      '%3B',
      '~',
      "'",
      '%22%3E%3Cscript%3E',
      'tok-',
      'tok-ZZZZZZZZZZZZ',
      'tok-0000000000000',
      '__proto__',
      'constructor',
    ),
    realOne.map((r) => `${r}%2F..`),
    realOne.map((r) => r.toUpperCase()),
    realOne.map((r) => `${r}%00`),
    realOne.map((r) => `${encodeURIComponent(r)}%`),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
    fc.integer({ min: 129, max: 4_000 }).map((n) => 'a'.repeat(n)),
    fc.integer({ min: 100, max: 1_500 }).map((n) => '%41'.repeat(n)),
  );
}

/** A query value as sent on the wire (already encoded, or deliberately broken). */
export const malformedQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '99999999999999999999',
    '1.5',
    '0x10',
    '%2012%20',
    '1,2',
    'true',
    'null',
    '2024-13-45T25:61:61Z',
    '2024-02-30T00:00:00Z',
    'yesterday',
    '0000-00-00',
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    ',,,',
    'ok,nope',
    'xml',
    '__proto__',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
  fc.integer({ min: 200, max: 3_000 }).map((n) => 'x'.repeat(n)),
);

/** Query keys a route does not expect, including array and object syntax. */
export const strangeQueryKeys = [
  '__proto__',
  'constructor',
  'limit[]',
  'limit[0]',
  'a[b]',
  'before[$gt]',
  '',
  '%00',
  'LIMIT',
  'x'.repeat(300),
] as const;
