/** What pointer and wheel input on the map mean, in canvas CSS pixels. */
export interface MapGestures {
  pan(dx: number, dy: number): void;
  zoom(factor: number, x: number, y: number): void;
  /** The pointer rests over (x, y) without dragging. */
  point(x: number, y: number): void;
  /** The pointer left the map or a drag started: nothing is hovered. */
  leave(): void;
  /** A press and release without dragging. */
  click(x: number, y: number): void;
  dragging(active: boolean): void;
}

const DRAG_THRESHOLD_PX = 4;
const WHEEL_ZOOM_RATE = 0.002;

/**
 * Turns pointer and wheel events into gestures: drag to pan (after a small threshold, so a
 * click with a shaky hand still selects), wheel to zoom around the pointer. Detaches on abort.
 */
export function attachMapInput(canvas: HTMLCanvasElement, gestures: MapGestures, signal: AbortSignal): void {
  let drag: { x: number; y: number; moved: boolean } | null = null;
  const options = { signal };

  canvas.addEventListener(
    'pointerdown',
    (event) => {
      if (event.button !== 0) return;
      canvas.setPointerCapture(event.pointerId);
      drag = { x: event.offsetX, y: event.offsetY, moved: false };
    },
    options,
  );
  canvas.addEventListener(
    'pointermove',
    (event) => {
      const { offsetX: x, offsetY: y } = event;
      if (!drag) return gestures.point(x, y);
      const dx = x - drag.x;
      const dy = y - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      if (!drag.moved) {
        gestures.leave();
        gestures.dragging(true);
      }
      drag = { x, y, moved: true };
      gestures.pan(dx, dy);
    },
    options,
  );
  canvas.addEventListener(
    'pointerup',
    (event) => {
      const ended = drag;
      drag = null;
      if (ended?.moved) gestures.dragging(false);
      else if (ended) gestures.click(event.offsetX, event.offsetY);
      gestures.point(event.offsetX, event.offsetY);
    },
    options,
  );
  canvas.addEventListener(
    'pointercancel',
    () => {
      if (drag?.moved) gestures.dragging(false);
      drag = null;
    },
    options,
  );
  canvas.addEventListener('pointerleave', () => gestures.leave(), options);
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? canvas.clientHeight : 1;
      const delta = Math.max(-300, Math.min(300, event.deltaY * unit));
      gestures.zoom(Math.exp(-delta * WHEEL_ZOOM_RATE), event.offsetX, event.offsetY);
    },
    { signal, passive: false },
  );
}
