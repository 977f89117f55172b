/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The web app's layering, read from the source: shared code stands below the features, each
// feature stands apart (others reach it through its index), and test helpers stay in tests.

const SRC = dirname(fileURLToPath(import.meta.url));

interface Import {
  /** The importing file, relative to src/ ("features/topology/components/DriveVolumes.tsx"). */
  readonly file: string;
  /** The specifier as written ("../../volumes"). */
  readonly specifier: string;
  /** What it resolves to, relative to src/ and without extension ("features/volumes"). */
  readonly target: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(SRC, path)] : [];
  });
}

// Static imports and re-exports, side-effect imports, dynamic import() and vi.mock().
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bvi\.mock\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => {
    const specifier = match[1] as string;
    const target = normalize(join(dirname(file), specifier))
      .replace(/\\/g, '/')
      .replace(/\.(tsx?|css)$/, '');
    return { file, specifier, target };
  });
}

const imports = sourceFiles(SRC).flatMap(importsOf);
const describeImport = ({ file, specifier, target }: Import, why: string) =>
  `${file} imports '${specifier}' (${target}): ${why}`;

/** The feature a path belongs to ("features/volumes/model/x" -> "volumes"), if any. */
function featureOf(path: string): string | undefined {
  return /^features\/([^/]+)\//.exec(`${path}/`)?.[1];
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || /(^|\/)testing\//.test(file);

describe('architecture', () => {
  it('shared code imports nothing from the features or the app frame above it', () => {
    const violations = imports
      .filter(({ file }) => file.startsWith('shared/'))
      .filter(({ target }) => /^(features|shell|live)(\/|$)/.test(target) || !target.includes('/'))
      .map((i) => describeImport(i, 'shared code must not depend on features, shell, live or the app root'));
    expect(violations).toEqual([]);
  });

  it("a feature reaches another feature only through that feature's index", () => {
    const violations = imports
      .filter(({ file, target }) => {
        const owner = featureOf(target);
        if (!owner || featureOf(file) === owner) return false;
        const rest = target.slice(`features/${owner}`.length);
        if (rest === '' || rest === '/index') return false;
        // The routes load each page module on its own, so that a page stays in its own chunk.
        return !(/^(App|pages)\.tsx?$/.test(file) && /^\/[A-Za-z]+Page$/.test(rest));
      })
      .map((i) => describeImport(i, `the internals of features/${featureOf(i.target)}; use its index`));
    expect(violations).toEqual([]);
  });

  it('the live transport knows no feature: features register their rooms with it', () => {
    const violations = imports
      .filter(({ file }) => file.startsWith('live/') || file.startsWith('shared/live/'))
      .filter(({ target }) => target.startsWith('features/'))
      .map((i) => describeImport(i, 'the transport must not know features'));
    expect(violations).toEqual([]);
  });

  it('of the workspace packages, imports only api-types and the health model', () => {
    const PACKAGE = /\bfrom\s*['"](@drivebay\/[^'"]+)['"]/g;
    const violations = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(join(SRC, file), 'utf8').matchAll(PACKAGE)]
        .map((m) => m[1] as string)
        .filter((name) => name !== '@drivebay/api-types' && name !== '@drivebay/composer/health')
        .map(
          (name) =>
            `${file} imports ${name}: the console shares only api-types and @drivebay/composer/health`,
        ),
    );
    expect(violations).toEqual([]);
  });

  it('only tests import the test builders', () => {
    const violations = imports
      .filter(({ file }) => !isTest(file))
      .filter(({ target }) => /(^|\/)testing(\/|$)/.test(target))
      .map((i) => describeImport(i, 'builders are for tests only'));
    expect(violations).toEqual([]);
  });
});
