import type { DriveHealth } from '@drivebay/api-types';
import type { BayColouring } from './bayColouring';

/** Colours the map draws with, read from the theme's CSS variables. */
export interface CanvasPalette {
  readonly background: string;
  readonly rack: string;
  readonly rackBorder: string;
  readonly enclosure: string;
  readonly enclosureBorder: string;
  readonly text: string;
  readonly textMuted: string;
  readonly empty: string;
  readonly markerInk: string;
  readonly hatch: string;
  readonly offlineVeil: string;
  readonly select: string;
  readonly hover: string;
  /** A lit locate LED's ring. */
  readonly locate: string;
  readonly health: Readonly<Record<DriveHealth, string>>;
  /** Bays coloured by something other than health (media, utilisation …); health marks stay. */
  readonly colouring?: BayColouring | null;
}

/** Reads the map colours of the current theme (CSS custom properties on <html>). */
export function readCanvasPalette(element: Element = document.documentElement): CanvasPalette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--map-bg', '#0d1117'),
    rack: read('--map-rack', '#151b23'),
    rackBorder: read('--map-rack-border', '#2b3440'),
    enclosure: read('--map-enclosure', '#1b232d'),
    enclosureBorder: read('--map-enclosure-border', '#3a4756'),
    text: read('--map-text', '#e6edf3'),
    textMuted: read('--map-text-muted', '#9fb0c0'),
    empty: read('--bay-empty', '#242d38'),
    markerInk: read('--marker-ink', '#0b0f14'),
    hatch: read('--map-hatch', 'rgba(230,237,243,0.35)'),
    offlineVeil: read('--map-offline-veil', 'rgba(13,17,23,0.55)'),
    select: read('--map-select', '#5cb8ff'),
    hover: read('--map-hover', '#e6edf3'),
    locate: read('--map-locate', '#ffb020'),
    health: {
      ok: read('--health-ok', '#2f8a5f'),
      degraded: read('--health-degraded', '#f2b233'),
      failed: read('--health-failed', '#ff4d5e'),
      offline: read('--health-offline', '#7d8794'),
    },
  };
}
