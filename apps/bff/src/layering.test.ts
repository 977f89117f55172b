import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of docs/architecture.md, checked on the source: which package may import what,
 * and that product code never reaches into test support or the simulation. Web has its own
 * check beside it (apps/web/src/architecture.test.ts).
 */
const root = join(import.meta.dirname, '..', '..', '..');

interface SourceFile {
  path: string;
  imports: string[];
}

function sources(dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    if (path.includes('node_modules')) continue;
    const text = readFileSync(join(root, path), 'utf8');
    const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)].map(
      (m) => m[1]!,
    );
    files.push({ path, imports });
  }
  return files;
}

/** Test files, and the test-support folders (`testing/`) only tests may import. */
const isTestSupport = (path: string) => /\.test\.tsx?$/.test(path) || /(^|\/)testing\//.test(path);
const bare = (specifier: string) => !specifier.startsWith('.');
const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

function violations(
  dir: string,
  rule: (file: SourceFile, specifier: string) => string | undefined,
): string[] {
  return sources(dir).flatMap((file) =>
    file.imports.flatMap((specifier) => {
      const broken = rule(file, specifier);
      return broken ? [`${file.path}: imports '${specifier}': ${broken}`] : [];
    }),
  );
}

/** What product code (not tests, not test support) of a package may import from outside itself. */
function onlyPackages(allowed: string[]) {
  return (file: SourceFile, specifier: string) => {
    if (isTestSupport(file.path) || !bare(specifier) || specifier.startsWith('node:')) return undefined;
    return allowed.includes(packageOf(specifier)) ? undefined : `allowed: ${allowed.join(', ')}`;
  };
}

/** Product code never imports test support: vitest, or a `testing/` folder of its own or a package's. */
function noTestSupport(file: SourceFile, specifier: string): string | undefined {
  if (isTestSupport(file.path)) return undefined;
  if (specifier === 'vitest' || specifier.startsWith('vitest/')) return 'vitest in product code';
  if (/(^|\/)testing(\/|$)/.test(specifier)) return 'test support in product code';
  return undefined;
}

describe('layering', () => {
  it('api-types depends on zod only', () => {
    expect(violations('packages/api-types/src', onlyPackages(['zod']))).toEqual([]);
  });

  it('the composer is pure: api-types only, and no node: modules (no I/O)', () => {
    expect(violations('packages/composer/src', onlyPackages(['@drivebay/api-types']))).toEqual([]);
    expect(
      violations('packages/composer/src', (file, specifier) =>
        !isTestSupport(file.path) && specifier.startsWith('node:') ? 'the composer does no I/O' : undefined,
      ),
    ).toEqual([]);
  });

  it('the simulation depends on api-types and the composer, never on the bff; of the plugin, only its client', () => {
    expect(
      violations('packages/simulation/src', (file, specifier) =>
        specifier === '@drivebay/csi/client'
          ? undefined
          : onlyPackages(['@drivebay/api-types', '@drivebay/composer', 'zod'])(file, specifier),
      ),
    ).toEqual([]);
  });

  it('the CSI plugin is a client of the API only: api-types, gRPC and its protocol helpers, its log', () => {
    const plugin = [
      '@drivebay/api-types',
      '@grpc/grpc-js',
      '@grpc/proto-loader',
      'hpack.js',
      'pino',
      'pino-pretty',
      'zod',
    ];
    // The offline checks of deploy/ read YAML and Kubernetes' schemas; nothing else may.
    const manifests = [...plugin, 'yaml', 'kubernetes-models', '@kubernetes-models/validate'];
    expect(
      violations('apps/csi/src', (file, specifier) =>
        onlyPackages(file.path.startsWith('apps/csi/src/deploy/') ? manifests : plugin)(file, specifier),
      ),
    ).toEqual([]);
  });

  it('only the embedded default wires the CSI plugin into the bff', () => {
    expect(
      violations('apps/bff/src', (file, specifier) =>
        packageOf(specifier) === '@drivebay/csi' &&
        !isTestSupport(file.path) &&
        !file.path.startsWith('apps/bff/src/embedded/')
          ? 'the plugin is wired in by embedded/ only'
          : undefined,
      ),
    ).toEqual([]);
  });

  it('no product code imports test support', () => {
    for (const dir of [
      'packages/api-types/src',
      'packages/composer/src',
      'packages/simulation/src',
      'apps/bff/src',
      'apps/csi/src',
    ])
      expect(violations(dir, noTestSupport)).toEqual([]);
  });

  it('only the embedded default (apps/bff/src/embedded) wires in the simulation', () => {
    expect(
      violations('apps/bff/src', (file, specifier) =>
        packageOf(specifier) === '@drivebay/simulation' &&
        !isTestSupport(file.path) &&
        !file.path.startsWith('apps/bff/src/embedded/')
          ? 'the simulation is wired in by embedded/ only'
          : undefined,
      ),
    ).toEqual([]);
  });

  it('only the StoreWriter (and the stores themselves) write the store', () => {
    const writers = sources('apps/bff/src')
      .filter((f) => !isTestSupport(f.path) && !f.path.startsWith('apps/bff/src/store/'))
      .filter((f) => /\.txn\(/.test(readFileSync(join(root, f.path), 'utf8')))
      .map((f) => f.path);
    expect(writers).toEqual(['apps/bff/src/state/store-writer.ts']);
  });

  it('no code casts to JsonValue: records are written as they are typed', () => {
    const casts = sources('apps/bff/src')
      .filter((f) => !f.path.endsWith('layering.test.ts'))
      .filter((f) => /as unknown as JsonValue|as JsonValue\b/.test(readFileSync(join(root, f.path), 'utf8')))
      .map((f) => f.path);
    expect(casts).toEqual([]);
  });

  it('finds what it looks for (a rule can fail)', () => {
    // Guards the checks above against a regex that silently matches nothing.
    const bffImports = sources('apps/bff/src').flatMap((f) => f.imports);
    expect(bffImports).toContain('@drivebay/composer');
    expect(violations('apps/bff/src', onlyPackages(['@drivebay/api-types'])).length).toBeGreaterThan(0);
  });
});
