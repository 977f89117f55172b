import { createHash } from 'node:crypto';

// What containerd reports of the simulated cluster's containers: full image references, image
// digests and container ids, stable for one container instance and new for each restart.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An image as the runtime names it: `nginx:1.25` is `docker.io/library/nginx:1.25`. */
export function runtimeImage(image: string): string {
  const [first, ...rest] = image.split('/');
  const hasRegistry = rest.length > 0 && /[.:]|^localhost$/.test(first!);
  if (hasRegistry) return image;
  return rest.length === 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
}

/** The image's repository digest: `docker.io/library/nginx@sha256:…`. */
export function imageId(image: string): string {
  const full = runtimeImage(image);
  const repository = full.replace(/:[^/:]+$/, '');
  return `${repository}@sha256:${sha256(`image:${full}`)}`;
}

/** The id of one instance of a container: `containerd://<64 hex>`, new for every restart. */
export function containerId(podUid: string, container: string, restartCount: number): string {
  return `containerd://${sha256(`${podUid}/${container}/${restartCount}`)}`;
}

/** A plausible compressed size of an image, for the kubelet's "Successfully pulled" message. */
export function imageSize(image: string): number {
  return 40_000_000 + (Number.parseInt(sha256(image).slice(0, 8), 16) % 400_000_000);
}
