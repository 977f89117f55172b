import type { Drive } from '@drivebay/api-types';
import type { DriveUsage } from '../model/driveUsage';
import type { TopologyModel } from '../model/topologyModel';

/** What the bays' colours show; failed, degraded and offline drives keep their marks in every mode. */
export const COLOUR_MODES = [
  { mode: 'health', label: 'Health' },
  { mode: 'media', label: 'Media' },
  { mode: 'utilisation', label: 'Utilisation' },
  { mode: 'cluster', label: 'Owning cluster' },
  { mode: 'storageGroup', label: 'Storage group' },
] as const;
export type ColourMode = (typeof COLOUR_MODES)[number]['mode'];

export function isColourMode(value: string | null): value is ColourMode {
  return COLOUR_MODES.some((m) => m.mode === value);
}

export interface ColourLegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly count: number;
}

/** Colours for a mode other than health: each drive's colour, and the legend with live counts. */
export interface BayColouring {
  readonly mode: Exclude<ColourMode, 'health'>;
  colourOf(drive: Drive): string;
  readonly legend: readonly ColourLegendEntry[];
}

// Tableau 10: distinct on dark and light backgrounds alike.
const CATEGORICAL = ['#4e79a7', '#f28e2b', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#59a14f'];
const OTHER = '#bab0ac';
const UNUSED = '#5b6b7d';
const UTILISATION = [
  { upTo: 0, label: 'Unused', colour: UNUSED },
  { upTo: 0.25, label: '1–25%', colour: '#c6dbef' },
  { upTo: 0.5, label: '26–50%', colour: '#6baed6' },
  { upTo: 0.75, label: '51–75%', colour: '#2b8cbe' },
  { upTo: 1, label: '76–100%', colour: '#08589e' },
];

/** The colouring for `mode`, or null for health (the map's own health colours). */
export function bayColouring(
  mode: ColourMode,
  model: TopologyModel,
  usage: ReadonlyMap<string, DriveUsage>,
): BayColouring | null {
  if (mode === 'health') return null;
  const categoryOf = categoriser(mode, model, usage);
  const counts = new Map<string, number>();
  for (const drive of model.drives)
    if (drive) counts.set(categoryOf(drive), (counts.get(categoryOf(drive)) ?? 0) + 1);
  const colours = coloursFor(mode, [...counts.keys()]);
  const legend = [...colours].map(([label, colour]) => ({ label, colour, count: counts.get(label) ?? 0 }));
  return { mode, colourOf: (drive) => colours.get(categoryOf(drive)) ?? OTHER, legend };
}

function categoriser(
  mode: Exclude<ColourMode, 'health'>,
  model: TopologyModel,
  usage: ReadonlyMap<string, DriveUsage>,
): (drive: Drive) => string {
  switch (mode) {
    case 'media':
      return (drive) => (drive.media === 'ssd' ? 'SSD' : drive.rpm > 0 ? `HDD ${drive.rpm} rpm` : 'HDD');
    case 'utilisation':
      return (drive) => {
        const share = usage.get(drive.id)?.usedShare ?? 0;
        return (UTILISATION.find((band) => share <= band.upTo) ?? UTILISATION[0])?.label ?? 'Unused';
      };
    case 'cluster':
      return (drive) => {
        const clusters = usage.get(drive.id)?.clusters;
        if (!clusters || clusters.size === 0) return 'No volume';
        return clusters.size === 1 ? ([...clusters][0] ?? 'No volume') : 'Several clusters';
      };
    case 'storageGroup':
      return (drive) => model.enclosures.get(drive.enclosure)?.storageGroup ?? 'Unknown';
  }
}

function coloursFor(mode: Exclude<ColourMode, 'health'>, categories: string[]): Map<string, string> {
  if (mode === 'utilisation') return new Map(UTILISATION.map((band) => [band.label, band.colour]));
  const fixed =
    mode === 'cluster'
      ? new Map([
          ['No volume', UNUSED],
          ['Several clusters', OTHER],
        ])
      : new Map();
  const named = categories.filter((c) => !fixed.has(c)).sort();
  const colours = new Map<string, string>(
    named.map((c, i) => [c, CATEGORICAL[i % CATEGORICAL.length] ?? OTHER]),
  );
  for (const [label, colour] of fixed) if (categories.includes(label)) colours.set(label, colour);
  return colours;
}
