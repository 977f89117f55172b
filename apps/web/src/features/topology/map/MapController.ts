import { bayRect } from '../layout/bayRect';
import { contains } from '../layout/geometry';
import { type Hit, hitTest } from '../layout/hitTest';
import type { TopologyLayout } from '../layout/layoutTypes';
import { driveById, driveInBay, type TopologyModel } from '../model/topologyModel';
import { drawTopology } from './drawTopology';
import type { CanvasPalette } from './palette';
import {
  centreOn,
  fitViewport,
  minScaleFor,
  panBy,
  toWorld,
  type Viewport,
  visibleWorld,
  zoomAt,
} from './viewport';

/** What the map shows; replaced whenever any of it changes. */
export interface MapData {
  readonly model: TopologyModel;
  readonly layout: TopologyLayout;
  readonly palette: CanvasPalette;
  readonly selectedDriveId: string | null;
}

/** The thing under the pointer and where the pointer is (CSS px in the canvas). */
export interface HoverInfo {
  readonly hit: Hit;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapCallbacks {
  onHover(hover: HoverInfo | null): void;
  onSelectDrive(id: string): void;
}

const DRAG_THRESHOLD_PX = 4;
const SELECTED_MIN_SCALE = 1.5;

/**
 * Owns the canvas: viewport, size and pixel ratio, pointer and wheel input, and drawing at
 * most once per animation frame. Imperative on purpose: panning must not re-render React.
 */
export class MapController {
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D | null;
  readonly #callbacks: MapCallbacks;
  readonly #observer: ResizeObserver;
  readonly #abort = new AbortController();
  #data: MapData | null = null;
  #view: Viewport | null = null;
  #width = 0;
  #height = 0;
  #frame = 0;
  #hover: Hit | null = null;
  #pointer: { x: number; y: number } | null = null;
  #drag: { x: number; y: number; moved: boolean } | null = null;
  #pendingCentre: string | null = null;

  constructor(canvas: HTMLCanvasElement, callbacks: MapCallbacks) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d', { alpha: false });
    this.#callbacks = callbacks;
    this.#observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) this.#resize(box.width, box.height);
    });
    this.#observer.observe(canvas);
    this.#listen();
  }

  update(data: MapData): void {
    const previous = this.#data;
    if (data.selectedDriveId !== previous?.selectedDriveId) this.#pendingCentre = data.selectedDriveId;
    this.#data = data;
    if (previous && previous.layout !== data.layout) this.#rehover();
    this.#requestDraw();
  }

  zoomBy(factor: number): void {
    this.#zoom(factor, this.#width / 2, this.#height / 2);
  }

  fit(): void {
    this.#view = null;
    this.#requestDraw();
  }

  destroy(): void {
    this.#observer.disconnect();
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
  }

  #listen(): void {
    const options = { signal: this.#abort.signal };
    const canvas = this.#canvas;
    canvas.addEventListener('pointerdown', (event) => this.#handlePointerDown(event), options);
    canvas.addEventListener('pointermove', (event) => this.#handlePointerMove(event), options);
    canvas.addEventListener('pointerup', (event) => this.#handlePointerUp(event), options);
    canvas.addEventListener('pointercancel', () => this.#endDrag(), options);
    canvas.addEventListener('pointerleave', () => this.#setHover(null), options);
    canvas.addEventListener('wheel', (event) => this.#handleWheel(event), { ...options, passive: false });
  }

  #handlePointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.#canvas.setPointerCapture(event.pointerId);
    this.#drag = { x: event.offsetX, y: event.offsetY, moved: false };
  }

  #handlePointerMove(event: PointerEvent): void {
    const x = event.offsetX;
    const y = event.offsetY;
    this.#pointer = { x, y };
    const drag = this.#drag;
    if (!drag) {
      this.#rehover();
      return;
    }
    const dx = x - drag.x;
    const dy = y - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (!drag.moved) this.#setHover(null);
    this.#drag = { x, y, moved: true };
    this.#canvas.style.cursor = 'grabbing';
    if (this.#view) this.#view = panBy(this.#view, dx, dy);
    this.#requestDraw();
  }

  #handlePointerUp(event: PointerEvent): void {
    const drag = this.#drag;
    this.#endDrag();
    if (!drag || drag.moved) return;
    const hit = this.#hitAt(event.offsetX, event.offsetY);
    const data = this.#data;
    if (hit?.kind !== 'bay' || !data) return;
    const drive = driveInBay(data.model, hit.enclosure.id, hit.bay);
    if (drive) this.#callbacks.onSelectDrive(drive.id);
  }

  #endDrag(): void {
    this.#drag = null;
    this.#rehover();
  }

  #handleWheel(event: WheelEvent): void {
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.#height : 1;
    const delta = Math.max(-300, Math.min(300, event.deltaY * unit));
    this.#zoom(Math.exp(-delta * 0.002), event.offsetX, event.offsetY);
  }

  #zoom(factor: number, x: number, y: number): void {
    const data = this.#data;
    if (!this.#view || !data) return;
    const min = minScaleFor(data.layout.width, data.layout.height, this.#width, this.#height);
    this.#view = zoomAt(this.#view, factor, x, y, min);
    this.#setHover(null);
    this.#requestDraw();
  }

  #resize(width: number, height: number): void {
    if (this.#view) this.#view = panBy(this.#view, (width - this.#width) / 2, (height - this.#height) / 2);
    this.#width = width;
    this.#height = height;
    this.#requestDraw();
  }

  #hitAt(x: number, y: number): Hit | null {
    if (!this.#view || !this.#data) return null;
    const world = toWorld(this.#view, x, y);
    return hitTest(this.#data.layout, world.x, world.y);
  }

  #rehover(): void {
    const pointer = this.#pointer;
    this.#setHover(pointer && !this.#drag ? this.#hitAt(pointer.x, pointer.y) : null);
  }

  #setHover(hit: Hit | null): void {
    const same =
      hitKey(hit) === hitKey(this.#hover) && (hit === null || hit.enclosure === this.#hover?.enclosure);
    if (!this.#drag) this.#canvas.style.cursor = this.#overDrive(hit) ? 'pointer' : 'grab';
    if (same) return;
    this.#hover = hit;
    const pointer = this.#pointer;
    this.#callbacks.onHover(
      hit && pointer ? { hit, x: pointer.x, y: pointer.y, width: this.#width, height: this.#height } : null,
    );
    this.#requestDraw();
  }

  #overDrive(hit: Hit | null): boolean {
    return hit?.kind === 'bay' && !!this.#data && !!driveInBay(this.#data.model, hit.enclosure.id, hit.bay);
  }

  #requestDraw(): void {
    if (this.#frame === 0) this.#frame = requestAnimationFrame(() => this.#draw());
  }

  #draw(): void {
    this.#frame = 0;
    const data = this.#data;
    const ctx = this.#ctx;
    if (!data || !ctx || this.#width <= 0 || this.#height <= 0) return;
    const pixelRatio = window.devicePixelRatio || 1;
    const backingWidth = Math.round(this.#width * pixelRatio);
    const backingHeight = Math.round(this.#height * pixelRatio);
    if (this.#canvas.width !== backingWidth) this.#canvas.width = backingWidth;
    if (this.#canvas.height !== backingHeight) this.#canvas.height = backingHeight;
    this.#view ??= fitViewport(data.layout.width, data.layout.height, this.#width, this.#height);
    if (this.#pendingCentre) this.#centreOnDrive(data, this.#pendingCentre);
    drawTopology(ctx, {
      ...data,
      view: this.#view,
      width: this.#width,
      height: this.#height,
      pixelRatio,
      hover: this.#hover,
    });
  }

  /** Brings a newly selected drive into view if it is off screen (e.g. picked by Find). */
  #centreOnDrive(data: MapData, id: string): void {
    const drive = driveById(data.model, id);
    const index = drive ? data.layout.enclosureIndex.get(drive.enclosure) : undefined;
    const box = index === undefined ? undefined : data.layout.enclosures[index];
    if (!drive || !box || !this.#view) return;
    this.#pendingCentre = null;
    const cell = bayRect(box, drive.bay);
    const world = visibleWorld(this.#view, this.#width, this.#height);
    const inView =
      contains(world, cell.x, cell.y) && contains(world, cell.x + cell.width, cell.y + cell.height);
    if (!inView) this.#view = centreOn(this.#view, cell, this.#width, this.#height, SELECTED_MIN_SCALE);
  }
}

function hitKey(hit: Hit | null): string {
  if (!hit) return '';
  return hit.kind === 'bay' ? `${hit.enclosure.id}#${hit.bay}` : hit.enclosure.id;
}
