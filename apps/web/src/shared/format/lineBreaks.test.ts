import { describe, expect, it } from 'vitest';
import { idLineParts, nameLineParts } from './lineBreaks';

describe('line breaks', () => {
  it('lets an id break after its separators, and only there', () => {
    expect(idLineParts('pod simulated/web/frontend-ca49c1ef08-vj75c')).toEqual([
      'pod simulated/',
      'web/',
      'frontend-ca49c1ef08-vj75c',
    ]);
    expect(idLineParts('kubernetes:simulated')).toEqual(['kubernetes:', 'simulated']);
    expect(idLineParts('drive drv-1')).toEqual(['drive drv-1']);
    expect(idLineParts('trailing/')).toEqual(['trailing/']);
    expect(idLineParts('')).toEqual(['']);
  });

  it('lets a PascalCase name break between its words', () => {
    expect(nameLineParts('VolumeNodeUnpublished')).toEqual(['Volume', 'Node', 'Unpublished']);
    expect(nameLineParts('DriveFailed')).toEqual(['Drive', 'Failed']);
    expect(nameLineParts('RAID1Rebuild')).toEqual(['RAID1', 'Rebuild']);
    expect(nameLineParts('Started')).toEqual(['Started']);
  });

  it('keeps every character', () => {
    for (const text of ['a/b:c', 'VolumeNodeUnpublished', '//x', 'AbC'])
      expect([idLineParts(text).join(''), nameLineParts(text).join('')]).toEqual([text, text]);
  });
});
