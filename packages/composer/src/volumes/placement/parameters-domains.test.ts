import { describe, expect, it } from 'vitest';
import { AllocationIndex } from './allocation-index.js';
import { planPlacement } from './plan-placement.js';
import {
  drive,
  enclosure,
  failsWith,
  oneDomain,
  oneFeed,
  oneShelf,
  type Row,
  runRow,
  sameAsDefault,
  shelves,
  succeeds,
  twoDomains,
} from './testing/parameter-table.js';
import { request, TB } from './testing/placement-fixtures.js';

/** Parameters that choose where: failure domains, bandwidth domains, tags, storage groups, transports. */
const rows: Row[] = [
  // sgResiliency
  {
    name: 'sgResiliency defaults to true: copies in different storage groups',
    size: 4 * TB,
    parameters: { redundancy: true },
    check: succeeds((p) => {
      expect(p.members[0]!.storageGroup).not.toBe(p.members[1]!.storageGroup);
    }),
  },
  {
    name: 'sgResiliency=true fails when one storage group holds every candidate',
    on: oneFeed,
    size: 1 * TB,
    parameters: { type: 'ssd', redundancy: true },
    check: failsWith('RESOURCE_EXHAUSTED', 'parameters.sgResiliency', /only 1 storage group \(feed-1/),
  },
  {
    name: 'sgResiliency=false still tries across storage groups',
    size: 4 * TB,
    parameters: { redundancy: true, sgResiliency: false },
    check: succeeds((p) => {
      expect(p.members[0]!.storageGroup).not.toBe(p.members[1]!.storageGroup);
      expect(p.warnings).toEqual([]);
    }),
  },
  {
    name: 'sgResiliency=false settles for one storage group, with a warning',
    on: oneFeed,
    size: 1 * TB,
    parameters: { type: 'ssd', redundancy: true, sgResiliency: false },
    check: succeeds((p) => {
      expect(p.members[0]!.enclosureId).not.toBe(p.members[1]!.enclosureId);
      expect(p.warnings).toEqual([
        expect.stringMatching(
          /^sgResiliency=false, best effort not met: both copies in storage group feed-1/,
        ),
      ]);
    }),
  },
  // jbodResiliency
  {
    name: 'jbodResiliency defaults to true: fails when one enclosure holds every candidate',
    on: oneShelf,
    size: 1 * TB,
    parameters: { type: 'ssd', redundancy: true, sgResiliency: false, softDomains: true },
    check: failsWith(
      'RESOURCE_EXHAUSTED',
      'parameters.jbodResiliency',
      /only 1 enclosure has free SSDs ≥ 1 TB \(enc-test-\d+: 4\)/,
    ),
  },
  {
    name: 'jbodResiliency=false settles for one enclosure, with a warning',
    on: oneShelf,
    size: 1 * TB,
    parameters: {
      type: 'ssd',
      redundancy: true,
      sgResiliency: false,
      jbodResiliency: false,
      softDomains: true,
    },
    check: succeeds((p) => {
      expect(p.members[0]!.driveId).not.toBe(p.members[1]!.driveId);
      expect(p.warnings.some((w) => /^jbodResiliency=false, best effort not met/.test(w))).toBe(true);
    }),
  },
  // softDomains
  {
    name: 'softDomains defaults to false: a mirror needs its copies behind two bandwidth domains',
    on: oneDomain,
    size: 1 * TB,
    parameters: { type: 'ssd', redundancy: true },
    check: failsWith('RESOURCE_EXHAUSTED', 'parameters.softDomains', /behind only 1 bandwidth domain/),
  },
  {
    name: 'softDomains=true ignores bandwidth domains',
    on: oneDomain,
    size: 1 * TB,
    parameters: { type: 'ssd', redundancy: true, softDomains: true },
    check: succeeds((p) => expect(p.layout).toBe('raid1')),
  },
  {
    name: 'softDomains=false keeps the copies of every mirrored pair behind different domains',
    size: 30 * TB,
    parameters: {},
    check: succeeds((p) => {
      expect(p.layout).toBe('raid10');
      for (const set of new Set(p.members.map((m) => m.set))) {
        const copies = p.members.filter((m) => m.set === set);
        const domains = copies.map((m) => enclosure(m.enclosureId).bandwidthDomain);
        expect(new Set(domains).size).toBe(2);
      }
    }),
  },
  {
    name: 'softDomains=false lets a stripe of several pairs share two bandwidth domains',
    on: twoDomains,
    size: 6 * TB,
    parameters: { type: 'ssd' },
    check: succeeds((p) => {
      expect(p.layout).toBe('raid10');
      expect(p.members).toHaveLength(4);
    }),
  },
  // requiredTags / excludedTags
  {
    name: 'requiredTags default to none',
    size: 3 * TB,
    parameters: { type: 'ssd' },
    check: succeeds((p) => expect(p.media).toBe('ssd')),
  },
  {
    name: 'requiredTags: every member carries all of them',
    size: 3 * TB,
    parameters: { type: 'ssd', requiredTags: ['nvme', 'sed'] },
    check: succeeds((p) => {
      expect(p.members[0]!.enclosureId).toBe(shelves.ssdB.enclosure.id);
    }),
  },
  {
    name: 'requiredTags nobody has fail naming the tags that exist',
    size: 3 * TB,
    parameters: { requiredTags: ['gold'] },
    check: failsWith(
      'RESOURCE_EXHAUSTED',
      'parameters.requiredTags',
      /requiredTags \[gold\].*tags present: archive, fast/,
    ),
  },
  {
    name: 'excludedTags default to none: the 2.4 TB "fast" drive is fine',
    size: 2 * TB,
    parameters: {},
    check: succeeds((p) => expect(drive(p.members[0]!.driveId).tags).toContain('fast')),
  },
  {
    name: 'excludedTags keep tagged drives out',
    size: 2 * TB,
    parameters: { excludedTags: ['fast'] },
    check: succeeds((p) => {
      expect(drive(p.members[0]!.driveId).tags).not.toContain('fast');
    }),
  },
  {
    name: 'excludedTags that exclude everything fail naming them',
    size: 1 * TB,
    parameters: { type: 'ssd', excludedTags: ['nvme'] },
    check: failsWith('RESOURCE_EXHAUSTED', 'parameters.excludedTags', /excludedTags \[nvme\]/),
  },
  {
    name: 'a tag both required and excluded contradicts itself',
    size: 1 * TB,
    parameters: { requiredTags: ['fast'], excludedTags: ['fast'] },
    check: failsWith('INVALID_ARGUMENT', 'parameters.excludedTags', /fast/),
  },
  // storageGroup
  {
    name: 'storageGroup defaults to any: pairs span both',
    size: 4 * TB,
    parameters: { redundancy: true },
    check: succeeds((p) => {
      expect(new Set(p.members.map((m) => m.storageGroup))).toEqual(new Set(['feed-1', 'feed-2']));
    }),
  },
  {
    name: 'storageGroup limits the groups drives come from',
    size: 4 * TB,
    parameters: { storageGroup: ['feed-2'] },
    check: succeeds((p) => {
      expect(p.members[0]!.storageGroup).toBe('feed-2');
    }),
  },
  {
    name: 'storageGroup naming no group with drives fails, naming those that have them',
    size: 4 * TB,
    parameters: { storageGroup: ['feed-9'] },
    check: failsWith('RESOURCE_EXHAUSTED', 'parameters.storageGroup', /they sit in feed-1, feed-2/),
  },
  {
    name: 'one storageGroup with sgResiliency=true for a mirror contradicts itself',
    size: 4 * TB,
    parameters: { storageGroup: ['feed-1'], redundancy: true },
    check: failsWith('INVALID_ARGUMENT', 'parameters.sgResiliency', /storageGroup allows only feed-1/),
  },
  // networkTransportsAllowed
  { name: 'networkTransportsAllowed defaults to any', size: 4 * TB, parameters: {}, check: sameAsDefault },
  {
    name: 'networkTransportsAllowed needs one transport the enclosure speaks',
    size: 4 * TB,
    parameters: { networkTransportsAllowed: ['nvmetcp'] },
    check: succeeds((p) => {
      expect(p.members[0]!.enclosureId).toBe(shelves.hddA.enclosure.id);
    }),
  },
  {
    name: 'networkTransportsAllowed nobody speaks fails naming what they speak',
    size: 4 * TB,
    parameters: { networkTransportsAllowed: ['roce'] },
    check: failsWith(
      'RESOURCE_EXHAUSTED',
      'parameters.networkTransportsAllowed',
      /speak iscsi, iscsi\+nvmetcp/,
    ),
  },
  {
    name: 'networkTransportsAllowed=roce works for flash',
    size: 1 * TB,
    parameters: { type: 'ssd', networkTransportsAllowed: ['roce'] },
    check: succeeds((p) => expect(p.media).toBe('ssd')),
  },
];

describe('StorageClass parameters that choose where, defaults included', () => {
  it.each(rows)('$name', runRow);

  it('names each failing constraint in the explanation of a successful fallback', () => {
    const req = request(1 * TB, { type: 'ssd', redundancy: true, sgResiliency: false });
    const result = planPlacement(oneFeed, new AllocationIndex(), req);
    expect(result.ok && result.value.explanation.join('\n')).toMatch(
      /sgResiliency: free SSDs ≥ 1 TB sit in only 1 storage group/,
    );
  });
});
