import type { InventoryReport } from '@drivebay/api-types';

const ID = /^[a-z0-9][a-z0-9._-]*$/;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

function idViolations(kind: string, ids: readonly string[]): string[] {
  const problems = ids.filter((id) => !ID.test(id)).map((id) => `${kind} id "${id}" is malformed`);
  return [...problems, ...duplicates(ids).map((id) => `${kind} id "${id}" repeats`)];
}

/** What is wrong with an inventory's structure (ids, references, bays, serials); empty when sound. */
export function siteViolations(report: InventoryReport): string[] {
  const rackIds = new Set(report.racks.map((r) => r.id));
  const drives = report.enclosures.flatMap((e) => e.drives);
  const problems = [
    ...idViolations(
      'rack',
      report.racks.map((r) => r.id),
    ),
    ...idViolations(
      'enclosure',
      report.enclosures.map((e) => e.enclosure.id),
    ),
    ...idViolations(
      'server',
      report.servers.map((s) => s.id),
    ),
    ...idViolations(
      'drive',
      drives.map((d) => d.id),
    ),
    ...duplicates(drives.map((d) => d.serial)).map((s) => `serial ${s} repeats`),
    ...duplicates(report.racks.map((r) => `${r.row}/${r.position}`)).map((p) => `two racks at ${p}`),
  ];
  for (const server of report.servers) {
    if (!rackIds.has(server.rack)) problems.push(`server ${server.id} is in unknown rack ${server.rack}`);
  }
  for (const { enclosure, drives: held } of report.enclosures) {
    if (!rackIds.has(enclosure.rack)) problems.push(`enclosure ${enclosure.id} is in unknown rack`);
    const bays = new Set<number>();
    for (const drive of held) {
      if (drive.enclosure !== enclosure.id) problems.push(`drive ${drive.id} names ${drive.enclosure}`);
      if (drive.bay >= enclosure.bayCount)
        problems.push(`drive ${drive.id} is in bay ${drive.bay}, past the last`);
      if (bays.has(drive.bay)) problems.push(`bay ${drive.bay} of ${enclosure.id} holds two drives`);
      bays.add(drive.bay);
      if ((drive.media === 'ssd') !== (drive.rpm === 0))
        problems.push(`drive ${drive.id} has rpm ${drive.rpm}`);
    }
  }
  return problems;
}
