import type { Theme } from '../../../shared/theme/theme';
import { type CanvasPalette, readCanvasPalette } from './palette';

const cache = new Map<Theme, CanvasPalette>();

/** The map palette of a theme, read from CSS once per theme (the theme must be applied). */
export function paletteFor(theme: Theme): CanvasPalette {
  let palette = cache.get(theme);
  if (!palette) {
    palette = readCanvasPalette();
    cache.set(theme, palette);
  }
  return palette;
}
