/** The value at a dotted path inside a JSON value (`status.nodeInfo.kubeletVersion`), or undefined. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The string at a dotted path, '' when it is absent or not a string. */
export function readString(value: unknown, path: string): string {
  const found = readPath(value, path);
  return typeof found === 'string' ? found : '';
}

/** The array at a dotted path, [] when absent. */
export function readArray(value: unknown, path: string): unknown[] {
  const found = readPath(value, path);
  return Array.isArray(found) ? found : [];
}
