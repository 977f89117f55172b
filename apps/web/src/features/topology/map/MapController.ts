import { type Hit, hitTest } from '../layout/hitTest';
import type { TopologyLayout } from '../layout/layoutTypes';
import { driveById, driveInBay, type TopologyModel } from '../model/topologyModel';
import { drawTopology } from './drawTopology';
import { attachMapInput, type MapGestures } from './mapInput';
import type { CanvasPalette } from './palette';
import { aspectChangedSubstantially, fitAspectRatio, viewAfterRelayout } from './relayout';
import { SpriteCache } from './spriteCache';
import { viewForDrive, viewForEnclosure } from './viewForDrive';
import { fitViewport, minScaleFor, panBy, toWorld, type Viewport, zoomAt } from './viewport';

/** What the map shows; replaced whenever any of it changes. */
export interface MapData {
  readonly model: TopologyModel;
  readonly layout: TopologyLayout;
  readonly palette: CanvasPalette;
  readonly selectedDriveId: string | null;
  /** Drives outlined besides the selection (a found volume's members). */
  readonly highlightDriveIds: readonly string[];
  /** The enclosure whose panel is open (when no drive is selected). */
  readonly selectedEnclosureId: string | null;
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
  /** An enclosure's frame (or an empty bay in it) was clicked. */
  onSelectEnclosure(id: string): void;
  /** The fitted area's width / height changed enough that the map should be laid out again. */
  onAspectRatio(aspectRatio: number): void;
}

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
  /** The view is the fitted one (nothing panned or zoomed since), so a new layout is fitted too. */
  #fitted = true;
  #aspectRatio: number | undefined;
  #width = 0;
  #height = 0;
  #frame = 0;
  #hover: Hit | null = null;
  #pointer: { x: number; y: number } | null = null;
  #dragging = false;
  #pendingCentre: string | null = null;
  /** An enclosure selected by URL or from a list, to bring into view once it is on the map. */
  #pendingEnclosure: string | null = null;
  #clickedEnclosureId: string | null = null;
  /** The drive the user just clicked: already on screen, so no need to move the view. */
  #clickedDriveId: string | null = null;
  readonly #sprites = new SpriteCache();
  /** Lit locate LEDs blink: the phase, and the timer that flips it while any is lit. */
  #locateLit = true;
  #blink: ReturnType<typeof setInterval> | undefined;

  constructor(canvas: HTMLCanvasElement, callbacks: MapCallbacks) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d', { alpha: false });
    this.#callbacks = callbacks;
    this.#observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) this.#resize(box.width, box.height);
    });
    this.#observer.observe(canvas);
    // Measure now, so the first layout already has the canvas's shape.
    this.#resize(canvas.clientWidth, canvas.clientHeight);
    attachMapInput(canvas, this.#gestures(), this.#abort.signal);
  }

  update(data: MapData): void {
    const previous = this.#data;
    if (data.selectedDriveId !== previous?.selectedDriveId) {
      this.#pendingCentre = data.selectedDriveId === this.#clickedDriveId ? null : data.selectedDriveId;
      this.#clickedDriveId = null;
    }
    if (data.selectedEnclosureId !== previous?.selectedEnclosureId) {
      this.#pendingEnclosure =
        data.selectedEnclosureId === this.#clickedEnclosureId ? null : data.selectedEnclosureId;
      this.#clickedEnclosureId = null;
    }
    this.#data = data;
    this.#followLocates(data);
    if (previous && previous.layout !== data.layout) {
      this.#view = this.#viewForNewLayout(previous.layout, data);
      this.#rehover();
    }
    this.#requestDraw();
  }

  zoomBy(factor: number): void {
    this.#zoom(factor, this.#width / 2, this.#height / 2);
  }

  fit(): void {
    this.#view = null;
    this.#fitted = true;
    this.#requestDraw();
  }

  destroy(): void {
    clearInterval(this.#blink);
    this.#observer.disconnect();
    this.#abort.abort();
    cancelAnimationFrame(this.#frame);
  }

  /** Shows a drive selected by URL or Find once it is on the map (a clicked one already is). */
  #centreOnPending(data: MapData): void {
    if (!this.#view || !this.#pendingCentre) return;
    const view = viewForDrive(
      this.#view,
      data.model,
      data.layout,
      this.#pendingCentre,
      this.#width,
      this.#height,
    );
    if (!view) return;
    if (view !== this.#view) this.#fitted = false;
    this.#view = view;
    this.#pendingCentre = null;
  }

  #centreOnEnclosure(data: MapData, id: string): void {
    if (!this.#view) return;
    const view = viewForEnclosure(this.#view, data.layout, id, this.#width, this.#height);
    if (!view) return;
    if (view !== this.#view) this.#fitted = false;
    this.#view = view;
    this.#pendingEnclosure = null;
  }

  /** Keeps what the user was looking at in place when the layout changes, or refits a fitted map. */
  #viewForNewLayout(previous: TopologyLayout, data: MapData): Viewport | null {
    if (!this.#view || this.#fitted) return null;
    const selected = data.selectedDriveId ? driveById(data.model, data.selectedDriveId) : undefined;
    const view = viewAfterRelayout(
      this.#view,
      previous,
      data.layout,
      this.#width,
      this.#height,
      selected?.enclosure,
    );
    if (view) return view;
    this.#fitted = true;
    return null;
  }

  #gestures(): MapGestures {
    return {
      pan: (dx, dy) => {
        if (this.#view) this.#view = panBy(this.#view, dx, dy);
        this.#fitted = false;
        this.#requestDraw();
      },
      zoom: (factor, x, y) => this.#zoom(factor, x, y),
      point: (x, y) => {
        this.#pointer = { x, y };
        this.#rehover();
      },
      leave: () => {
        this.#pointer = null;
        this.#setHover(null);
      },
      click: (x, y) => this.#select(this.#hitAt(x, y)),
      dragging: (active) => {
        this.#dragging = active;
        this.#canvas.style.cursor = active ? 'grabbing' : 'grab';
      },
    };
  }

  #select(hit: Hit | null): void {
    const data = this.#data;
    if (!hit || !data) return;
    const drive = hit.kind === 'bay' ? driveInBay(data.model, hit.enclosure.id, hit.bay) : undefined;
    if (!drive) {
      this.#clickedEnclosureId = hit.enclosure.id;
      this.#callbacks.onSelectEnclosure(hit.enclosure.id);
      return;
    }
    this.#clickedDriveId = drive.id;
    this.#callbacks.onSelectDrive(drive.id);
  }

  #zoom(factor: number, x: number, y: number): void {
    const data = this.#data;
    if (!this.#view || !data) return;
    const min = minScaleFor(data.layout.width, data.layout.height, this.#width, this.#height);
    this.#view = zoomAt(this.#view, factor, x, y, min);
    this.#fitted = false;
    this.#setHover(null);
    this.#requestDraw();
  }

  #resize(width: number, height: number): void {
    if (this.#view) this.#view = panBy(this.#view, (width - this.#width) / 2, (height - this.#height) / 2);
    this.#width = width;
    this.#height = height;
    const aspectRatio = fitAspectRatio(width, height);
    if (aspectRatio !== undefined && aspectChangedSubstantially(this.#aspectRatio, aspectRatio)) {
      this.#aspectRatio = aspectRatio;
      this.#callbacks.onAspectRatio(aspectRatio);
    }
    this.#requestDraw();
  }

  #hitAt(x: number, y: number): Hit | null {
    if (!this.#view || !this.#data) return null;
    const world = toWorld(this.#view, x, y);
    return hitTest(this.#data.layout, world.x, world.y);
  }

  #rehover(): void {
    const pointer = this.#pointer;
    this.#setHover(pointer && !this.#dragging ? this.#hitAt(pointer.x, pointer.y) : null);
  }

  #setHover(hit: Hit | null): void {
    const same =
      hitKey(hit) === hitKey(this.#hover) && (hit === null || hit.enclosure === this.#hover?.enclosure);
    if (!this.#dragging) this.#canvas.style.cursor = this.#overDrive(hit) ? 'pointer' : 'grab';
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

  /**
   * Blinks lit locate LEDs at about 1 Hz, as the LED on the hardware does, so an operator can tell
   * them from a selection; steady for those who asked the system for reduced motion.
   */
  #followLocates(data: MapData): void {
    const lit = data.model.locates.size > 0;
    if (!lit || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      clearInterval(this.#blink);
      this.#blink = undefined;
      this.#locateLit = true;
      return;
    }
    this.#blink ??= setInterval(() => {
      this.#locateLit = !this.#locateLit;
      this.#requestDraw();
    }, 500);
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
    if (this.#pendingCentre) this.#centreOnPending(data);
    else if (this.#pendingEnclosure) this.#centreOnEnclosure(data, this.#pendingEnclosure);
    const complete = drawTopology(ctx, {
      ...data,
      view: this.#view,
      width: this.#width,
      height: this.#height,
      pixelRatio,
      hover: this.#hover,
      sprites: this.#sprites,
      locateLit: this.#locateLit,
    });
    if (!complete) this.#requestDraw();
  }
}

function hitKey(hit: Hit | null): string {
  if (!hit) return '';
  return hit.kind === 'bay' ? `${hit.enclosure.id}#${hit.bay}` : hit.enclosure.id;
}
