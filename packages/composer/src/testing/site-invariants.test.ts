import { describe, expect, it } from 'vitest';
import { generateSite } from '../generator/generate-site.js';
import { siteViolations } from './site-invariants.js';

describe('siteViolations', () => {
  it('finds a doubled bay, a repeated serial, a stray rack and a bad id', () => {
    const site = generateSite({ scale: 'small' });
    const entry = site.enclosures[0]!;
    const [first, second] = entry.drives;
    entry.drives[1] = { ...second!, bay: first!.bay, serial: first!.serial };
    site.servers[0] = { ...site.servers[0]!, rack: 'rack-nowhere', id: 'Bad_Id' };
    const problems = siteViolations(site);
    expect(problems).toContain(`bay ${first!.bay} of ${entry.enclosure.id} holds two drives`);
    expect(problems).toContain(`serial ${first!.serial} repeats`);
    expect(problems).toContain('server Bad_Id is in unknown rack rack-nowhere');
    expect(problems).toContain('server id "Bad_Id" is malformed');
  });
});
