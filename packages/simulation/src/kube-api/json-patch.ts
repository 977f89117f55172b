import { z } from 'zod';

/** An RFC 6902 JSON patch: what client-node's patch methods send by default (application/json-patch+json). */
export const JsonPatchSchema = z.array(
  z.object({
    op: z.enum(['add', 'remove', 'replace', 'test', 'move', 'copy']),
    path: z.string(),
    value: z.unknown().optional(),
    from: z.string().optional(),
  }),
);

/** A parsed JSON patch. */
export type JsonPatch = z.infer<typeof JsonPatchSchema>;

/** A patch operation that cannot apply (missing parent, failed test): the apiserver refuses the patch. */
export class JsonPatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

/** Applies the operations in order to a copy of `document`; any failing operation fails the whole patch. */
export function applyJsonPatch(document: unknown, patch: JsonPatch): unknown {
  let root = structuredClone(document);
  for (const operation of patch) {
    const { op, path } = operation;
    if (op === 'test') {
      if (JSON.stringify(get(root, path)) !== JSON.stringify(operation.value))
        throw new JsonPatchError(`test failed at ${path}`);
      continue;
    }
    const value =
      op === 'move' || op === 'copy' ? structuredClone(get(root, from(operation))) : operation.value;
    if (op === 'move') root = remove(root, from(operation));
    if (op === 'remove') root = remove(root, path);
    else if (path === '') root = value;
    else put(root, path, value, op === 'replace');
  }
  return root;
}

function from(operation: JsonPatch[number]): string {
  if (operation.from === undefined) throw new JsonPatchError(`${operation.op} needs "from"`);
  return operation.from;
}

// RFC 6901 pointer: "/metadata/annotations/drivebay.io~1volume" names metadata.annotations["drivebay.io/volume"].
function tokens(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function parentOf(root: unknown, path: string): { parent: Container; key: string } {
  const keys = tokens(path);
  const key = keys.pop();
  let parent: unknown = root;
  for (const step of keys) parent = child(parent, step, path);
  if (key === undefined || typeof parent !== 'object' || parent === null)
    throw new JsonPatchError(`no parent for ${path}`);
  return { parent: parent as Container, key };
}

function child(container: unknown, key: string, path: string): unknown {
  if (typeof container !== 'object' || container === null || !Object.hasOwn(container, key))
    throw new JsonPatchError(`path ${path} does not exist`);
  return (container as Record<string, unknown>)[key];
}

function get(root: unknown, path: string): unknown {
  return tokens(path).reduce((at, key) => child(at, key, path), root);
}

function put(root: unknown, path: string, value: unknown, mustExist: boolean): void {
  const { parent, key } = parentOf(root, path);
  if (mustExist) child(parent, key, path);
  if (!Array.isArray(parent)) {
    parent[key] = value;
    return;
  }
  const index = key === '-' ? parent.length : Number(key);
  if (!Number.isInteger(index) || index < 0 || index > parent.length)
    throw new JsonPatchError(`bad index in ${path}`);
  parent.splice(index, mustExist ? 1 : 0, value);
}

function remove(root: unknown, path: string): unknown {
  const { parent, key } = parentOf(root, path);
  child(parent, key, path);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return root;
}
