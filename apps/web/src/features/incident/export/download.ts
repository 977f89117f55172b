/** Hands `blob` to the browser as a file download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "drivebay-incident-2026-12-01T03-00-00Z": sortable and safe in every file system. */
export function exportBaseName(generatedAt: string): string {
  return `drivebay-incident-${generatedAt.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}`;
}
