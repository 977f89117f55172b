import { layoutTopology } from '../layout/layoutTopology';
import type { TopologyModel } from '../model/topologyModel';
import { drawTopology } from './drawTopology';
import type { CanvasPalette } from './palette';
import { SpriteCache } from './spriteCache';
import { fitViewport } from './viewport';

const WIDTH = 1920;
const HEIGHT = 1080;
/** drawTopology paints a bounded number of sprites per frame; this many passes finish any site. */
const MAX_PASSES = 200;

/** The whole site's map, as the topology page draws it fitted to 1920x1080, as a PNG for the postmortem. */
export async function renderMapPng(
  model: TopologyModel,
  palette: CanvasPalette,
  caption: string,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so the map cannot be exported.');
  const layout = layoutTopology(model, { aspectRatio: WIDTH / HEIGHT });
  const scene = {
    model,
    layout,
    view: fitViewport(layout.width, layout.height, WIDTH, HEIGHT),
    width: WIDTH,
    height: HEIGHT,
    pixelRatio: 1,
    palette,
    hover: null,
    selectedDriveId: null,
    highlightDriveIds: [],
    sprites: new SpriteCache(),
  };
  for (let pass = 0; pass < MAX_PASSES && !drawTopology(ctx, scene); pass++) {
    // Yield between passes so a large site does not freeze the page.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // The caption says what moment the picture shows, so it still means something in a postmortem.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.font = '600 18px system-ui, sans-serif';
  ctx.fillStyle = palette.text;
  ctx.fillText(caption, 16, HEIGHT - 16);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The map could not be encoded as PNG.'))),
      'image/png',
    ),
  );
}
