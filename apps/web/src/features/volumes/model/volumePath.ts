/** The detail page of a volume. */
export function volumePath(id: string): string {
  return `/volumes/${encodeURIComponent(id)}`;
}
