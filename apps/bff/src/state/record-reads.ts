import type { StateStore } from '../store/types.js';
import { type CollectionName, collectionOf, keyOf, type RecordOf } from './collections.js';

/** A record read straight from the store, with the mod revision a write must compare against. */
export interface ReadRecord<T> {
  id: string;
  key: string;
  value: T;
  modRevision: number;
}

/**
 * Reads one record of a collection that is not mirrored (users, sessions, tokens, lockout,
 * leases), parsed by its schema; undefined when absent.
 */
export async function getRecord<N extends CollectionName>(
  store: Pick<StateStore, 'get'>,
  name: N,
  id: string,
): Promise<ReadRecord<RecordOf<N>> | undefined> {
  const key = keyOf(name, id);
  const entry = await store.get(key);
  if (!entry) return undefined;
  return { id, key, value: parseRecord(name, entry.value), modRevision: entry.modRevision };
}

/** Every record of a collection, parsed, in key order. */
export async function listRecords<N extends CollectionName>(
  store: Pick<StateStore, 'range'>,
  name: N,
): Promise<ReadRecord<RecordOf<N>>[]> {
  const { prefix } = collectionOf(name);
  const { entries } = await store.range(prefix);
  return entries.map((entry) => ({
    id: entry.key.slice(prefix.length),
    key: entry.key,
    value: parseRecord(name, entry.value),
    modRevision: entry.modRevision,
  }));
}

function parseRecord<N extends CollectionName>(name: N, value: unknown): RecordOf<N> {
  return collectionOf(name).schema.parse(value);
}
