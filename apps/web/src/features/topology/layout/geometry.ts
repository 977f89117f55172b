/** World-space sizes of the topology drawing (1 unit = 1 CSS pixel at zoom 1). */
export const GEOMETRY = {
  baySize: 10,
  bayGap: 2,
  enclosurePadding: 4,
  enclosureHeader: 14,
  enclosureGap: 4,
  rackPadding: 6,
  rackHeader: 18,
  rackGap: 14,
  rowHeader: 22,
  rowGap: 28,
  /** Between columns of data-centre rows, wider than between racks so columns read apart. */
  columnGap: 48,
} as const;

/** Distance from one bay cell to the next. */
export const BAY_PITCH = GEOMETRY.baySize + GEOMETRY.bayGap;

/** An axis-aligned rectangle in world units. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether two rectangles overlap. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a point lies inside a rectangle. */
export function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}
