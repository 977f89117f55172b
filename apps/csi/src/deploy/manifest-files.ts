import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseAllDocuments } from 'yaml';

/** An object as a manifest file holds it: any Kubernetes kind, or kustomize's Kustomization. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** One document of one file under deploy/ (`document` counts from 1, as an editor would). */
export interface Manifest {
  file: string;
  document: number;
  object: KubeObject;
}

/** What is wrong, and where: the file, the document, the object and the field. */
export interface Problem {
  file: string;
  document: number;
  object?: string | undefined;
  field: string;
  message: string;
}

/** Every manifest under a directory, with the problems of the ones that could not be read. */
export interface ManifestSet {
  files: string[];
  manifests: Manifest[];
  problems: Problem[];
}

/** A problem of a manifest, located by its file, document and object. */
export function problemAt(manifest: Manifest, field: string, message: string): Problem {
  const { kind, metadata } = manifest.object;
  const object = metadata?.name ? `${kind} ${metadata.name}` : kind;
  return { file: manifest.file, document: manifest.document, object, field, message };
}

/** One line a reader can act on: `controller.yaml document 1 (Deployment x) spec.replicas: …`. */
export function formatProblem(p: Problem): string {
  const object = p.object ? ` (${p.object})` : '';
  // Document 0: something missing from deploy/ as a whole, so no file to point at.
  const where = p.document === 0 ? p.file : `${p.file} document ${p.document}`;
  return `${where}${object} ${p.field}: ${p.message}`;
}

/**
 * The documents of one YAML file. Read as YAML 1.1, as Kubernetes reads it (so `on` is a boolean
 * and `0644` octal, as the API server would see them); any error or warning is a problem.
 */
export function parseManifestFile(
  file: string,
  text: string,
): { manifests: Manifest[]; problems: Problem[] } {
  const manifests: Manifest[] = [];
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', lineCounter: lines, prettyErrors: false });
  for (const [i, doc] of docs.entries()) {
    const document = i + 1;
    const at = (field: string, message: string) => problems.push({ file, document, field, message });
    for (const e of [...doc.errors, ...doc.warnings]) at(`line ${lines.linePos(e.pos[0]).line}`, e.message);
    if (doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) at('(document)', 'empty document');
    else if (!isKubeObject(value)) at('(document)', 'not an object with string apiVersion and kind');
    else manifests.push({ file, document, object: value });
  }
  return { manifests, problems };
}

function isKubeObject(value: unknown): value is KubeObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string';
}

/** Every `.yaml`/`.yml` file under `dir` (recursively), parsed; file names are relative to `dir`. */
export function loadManifestDir(dir: URL): ManifestSet {
  const root = fileURLToPath(dir);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.ya?ml$/.test(f))
    // Prometheus's alert rules are the console's, not the plugin's (apps/bff checks them).
    .filter((f) => !f.startsWith('prometheus/'))
    .sort();
  const set: ManifestSet = { files, manifests: [], problems: [] };
  for (const file of files) {
    const parsed = parseManifestFile(file, readFileSync(new URL(file, dir), 'utf8'));
    set.manifests.push(...parsed.manifests);
    set.problems.push(...parsed.problems);
  }
  return set;
}
