import type { KubeObject } from '../kube-api/index.js';
import { imageSize } from './container-runtime.js';
import { involvedObject, kubeletOn } from './events.js';
import { containersOf } from './pod-status.js';
import type { SimContext } from './sim-context.js';

/** The images each node's runtime has: the first pod of an image on a node pulls it. */
export class ImagePulls {
  private readonly images = new Map<string, Set<string>>();

  /** Pulls the pod's images on the node, or finds them there, recording what the kubelet does. */
  pull(ctx: SimContext, pod: KubeObject, nodeName: string): void {
    const present = this.images.get(nodeName) ?? new Set<string>();
    this.images.set(nodeName, present);
    for (const container of containersOf(pod)) {
      const about = involvedObject(pod, `spec.containers{${container.name}}`);
      const image = container.image;
      if (present.has(image)) {
        ctx.events.record(
          kubeletOn(nodeName),
          about,
          'Normal',
          'Pulled',
          `Container image "${image}" already present on machine`,
        );
        continue;
      }
      ctx.events.record(kubeletOn(nodeName), about, 'Normal', 'Pulling', `Pulling image "${image}"`);
      const seconds = (1 + (imageSize(image) % 4000) / 1000).toFixed(3);
      ctx.events.record(
        kubeletOn(nodeName),
        about,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${seconds}s (${seconds}s including waiting). Image size: ${imageSize(image)} bytes.`,
      );
      present.add(image);
    }
  }
}
