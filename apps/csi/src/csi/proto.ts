import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** The CSI spec release whose csi.proto is vendored in apps/csi/proto (see the README). */
export const CSI_SPEC_VERSION = '1.12.0';

/**
 * int64 fields as decimal strings, never JavaScript numbers: a site's capacity passes 2^53 bytes.
 * Enums by name, defaults filled in (proto3 has no "absent" for scalars), oneofs named.
 */
const LOAD_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/**
 * Where csi.proto is: beside the sources (../../proto from src/csi) or, in a bundle, next to the
 * bundled file (the build copies it there). A bundle has no import.meta, hence __filename first.
 */
function protoFile(): string {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const candidates = [
    join(dirname(here), '..', '..', 'proto', 'csi.proto'),
    join(dirname(here), 'csi.proto'),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`csi.proto not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface CsiServices {
  Identity: grpc.ServiceClientConstructor;
  Controller: grpc.ServiceClientConstructor;
  Node: grpc.ServiceClientConstructor;
}

let loaded: CsiServices | undefined;

/** The csi.v1 services, loaded once per process. */
export function csiServices(): CsiServices {
  if (!loaded) {
    const definition = protoLoader.loadSync(protoFile(), LOAD_OPTIONS);
    const root = grpc.loadPackageDefinition(definition) as unknown as { csi: { v1: CsiServices } };
    loaded = root.csi.v1;
  }
  return loaded;
}
