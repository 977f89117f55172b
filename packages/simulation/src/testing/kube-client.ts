import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

/** A client-node KubeConfig pointing at a simulator (and nowhere else: no file is read). */
export function kubeConfigFor(url: string, token?: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'sim', server: url, skipTLSVerify: true }],
    users: [{ name: 'sim', ...(token && { token }) }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
    currentContext: 'sim',
  });
  return kubeConfig;
}

/** The CoreV1 API of client-node against a simulator. */
export function coreApiFor(url: string): CoreV1Api {
  return kubeConfigFor(url).makeApiClient(CoreV1Api);
}

/**
 * Waits until `check` holds, polling; fails with `what` after `timeoutMs`. Bounded waits for
 * asynchronous clients, not timed assertions: a slow machine only makes it wait longer.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
