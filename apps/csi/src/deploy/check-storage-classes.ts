import { isDeepStrictEqual } from 'node:util';
import { StorageClassParametersSchema } from '@drivebay/api-types';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { DRIVER } from './contract.js';
import type { Manifest, Problem } from './manifest-files.js';
import { problemAt } from './manifest-files.js';

/** A storage class as the README documents it. */
interface DocumentedClass {
  parameters: Record<string, string>;
  isDefault: boolean;
  /** Only slice volumes can grow in Drivebay. */
  allowVolumeExpansion: boolean;
}

/**
 * The README's table, which packages/simulation/src/cluster/seed-cluster.ts also seeds. That list
 * is not exported, so it is written down here; exporting it would let this compare the two.
 */
export const DOCUMENTED_CLASSES: Readonly<Record<string, DocumentedClass>> = {
  'drivebay-hdd': {
    parameters: { type: 'hdd', redundancy: 'false', striping: 'true' },
    isDefault: false,
    allowVolumeExpansion: false,
  },
  'drivebay-hdd-mirrored': {
    parameters: { type: 'hdd', redundancy: 'true', sgResiliency: 'true', jbodResiliency: 'true' },
    isDefault: false,
    allowVolumeExpansion: false,
  },
  'drivebay-ssd': {
    parameters: { type: 'ssd', fsType: 'xfs' },
    isDefault: false,
    allowVolumeExpansion: false,
  },
  'drivebay-slice': {
    parameters: { type: 'slice', fsType: 'ext4' },
    isDefault: true,
    allowVolumeExpansion: true,
  },
};
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/**
 * The four documented classes and no other; each provisioned by Drivebay's driver, deleted with its
 * claim, bound when its pod is scheduled; and parameters the composer accepts (its strict schema)
 * equal to the documented ones.
 */
export function checkStorageClasses(manifests: readonly Manifest[]): Problem[] {
  const classes = manifests.filter((m) => StorageClass.is(m.object));
  const problems: Problem[] = [];
  for (const name of Object.keys(DOCUMENTED_CLASSES)) {
    const count = classes.filter((m) => m.object.metadata?.name === name).length;
    if (count !== 1)
      problems.push({
        file: '(deploy)',
        document: 0,
        field: `StorageClass ${name}`,
        message: `expected exactly one, found ${count}`,
      });
  }
  return [...problems, ...classes.flatMap(classProblems)];
}

function classProblems(m: Manifest): Problem[] {
  const o = m.object;
  if (!StorageClass.is(o)) return [];
  const want = DOCUMENTED_CLASSES[o.metadata?.name ?? ''];
  if (!want)
    return [
      problemAt(m, 'metadata.name', `not a documented class (${Object.keys(DOCUMENTED_CLASSES).join(', ')})`),
    ];
  const problems: Problem[] = [];
  const expect = (field: string, actual: unknown, expected: unknown) => {
    if (actual !== expected)
      problems.push(
        problemAt(m, field, `is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`),
      );
  };
  expect('provisioner', o.provisioner, DRIVER);
  expect('reclaimPolicy', o.reclaimPolicy, 'Delete');
  expect('volumeBindingMode', o.volumeBindingMode, 'WaitForFirstConsumer');
  expect('allowVolumeExpansion', o.allowVolumeExpansion ?? false, want.allowVolumeExpansion);
  expect(
    `metadata.annotations[${DEFAULT_CLASS}]`,
    o.metadata?.annotations?.[DEFAULT_CLASS] === 'true',
    want.isDefault,
  );
  const parameters = o.parameters ?? {};
  const parsed = StorageClassParametersSchema.safeParse(parameters);
  for (const issue of parsed.error?.issues ?? []) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
    for (const key of keys)
      problems.push(problemAt(m, `parameters.${key}`, `the composer refuses it: ${issue.message}`));
  }
  if (!isDeepStrictEqual(parameters, want.parameters))
    problems.push(
      problemAt(
        m,
        'parameters',
        `are ${JSON.stringify(parameters)}, documented ${JSON.stringify(want.parameters)}`,
      ),
    );
  return problems;
}
