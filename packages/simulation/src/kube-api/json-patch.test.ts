import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from './json-patch.js';

const pv = { metadata: { name: 'pv-1', annotations: { a: '1' } }, spec: { accessModes: ['RWO'] } };

describe('applyJsonPatch', () => {
  it('adds, replaces and removes with escaped pointers, leaving the input alone', () => {
    const patched = applyJsonPatch(pv, [
      { op: 'add', path: '/metadata/annotations/drivebay.io~1volume', value: 'vol-7' },
      { op: 'replace', path: '/metadata/annotations/a', value: '2' },
      { op: 'add', path: '/spec/accessModes/-', value: 'ROX' },
      { op: 'remove', path: '/spec/accessModes/0' },
      { op: 'test', path: '/metadata/name', value: 'pv-1' },
    ]);
    expect(patched).toEqual({
      metadata: { name: 'pv-1', annotations: { a: '2', 'drivebay.io/volume': 'vol-7' } },
      spec: { accessModes: ['ROX'] },
    });
    expect(pv.metadata.annotations).toEqual({ a: '1' });
  });

  it('moves and copies', () => {
    const patched = applyJsonPatch(pv, [
      { op: 'copy', from: '/metadata/name', path: '/metadata/annotations/was' },
      { op: 'move', from: '/metadata/annotations/a', path: '/metadata/annotations/b' },
    ]);
    expect(patched).toMatchObject({ metadata: { annotations: { was: 'pv-1', b: '1' } } });
  });

  it('fails the whole patch on a missing parent, a missing member to replace, or a failed test', () => {
    const noAnnotations = { metadata: { name: 'x' } };
    for (const patch of [
      [{ op: 'add' as const, path: '/metadata/annotations/k', value: 'v' }],
      [{ op: 'replace' as const, path: '/metadata/labels', value: {} }],
      [{ op: 'test' as const, path: '/metadata/name', value: 'y' }],
      [{ op: 'remove' as const, path: 'metadata' }],
    ])
      expect(() => applyJsonPatch(noAnnotations, patch)).toThrow(JsonPatchError);
  });
});
