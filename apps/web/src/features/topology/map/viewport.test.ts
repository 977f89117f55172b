import { describe, expect, it } from 'vitest';
import { centreOn, fitViewport, MAX_SCALE, panBy, toScreen, toWorld, visibleWorld, zoomAt } from './viewport';

describe('viewport', () => {
  it('round-trips points between world and screen', () => {
    const view = { scale: 2.5, x: 40, y: -12 };
    const screen = toScreen(view, 10, 20);
    expect(toWorld(view, screen.x, screen.y)).toEqual({ x: 10, y: 20 });
  });

  it('fits a drawing inside the view, centred', () => {
    const view = fitViewport(1000, 500, 532, 532);
    expect(view.scale).toBeCloseTo(0.5);
    const bottomRight = toScreen(view, 1000, 500);
    expect(bottomRight.x).toBeLessThanOrEqual(532);
    expect(view.y).toBeCloseTo((532 - 250) / 2);
  });

  it('zooms around the pointer: the world point under it stays put', () => {
    const view = { scale: 1, x: 0, y: 0 };
    const before = toWorld(view, 300, 200);
    const zoomed = zoomAt(view, 2, 300, 200, 0.1);
    expect(zoomed.scale).toBe(2);
    expect(toWorld(zoomed, 300, 200)).toEqual(before);
  });

  it('clamps the zoom', () => {
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1000, 0, 0, 0.1).scale).toBe(MAX_SCALE);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 0.0001, 0, 0, 0.1).scale).toBe(0.1);
  });

  it('pans and reports what is visible', () => {
    const view = panBy({ scale: 2, x: 0, y: 0 }, -100, -50);
    expect(visibleWorld(view, 400, 300)).toEqual({ x: 50, y: 25, width: 200, height: 150 });
  });

  it('centres on a rectangle, zooming in when needed', () => {
    const view = centreOn({ scale: 0.2, x: 0, y: 0 }, { x: 100, y: 100, width: 10, height: 10 }, 800, 600, 2);
    expect(view.scale).toBe(2);
    expect(toScreen(view, 105, 105)).toEqual({ x: 400, y: 300 });
  });
});
