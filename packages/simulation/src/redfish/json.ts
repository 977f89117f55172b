/** JSON as the service builds and serves it. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json | undefined;
}

/** A Redfish reference: an object holding only the URI of another resource. */
export function ref(path: string): JsonObject {
  return { '@odata.id': path };
}

/** The URI a Redfish reference points at, or undefined for any other value. */
export function refTarget(value: Json | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const id = value['@odata.id'];
  return keys.length === 1 && typeof id === 'string' ? id : undefined;
}
