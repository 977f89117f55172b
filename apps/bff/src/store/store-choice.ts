/** Which StateStore the process runs on, as --store / DRIVEBAY_STORE names it. */
export type StoreChoice = { kind: 'sqlite' } | { kind: 'etcd'; endpoints: string[] };

const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/;

/**
 * Reads `sqlite` or `etcd://host:2379[,host2:2379…]`; undefined for anything else. Endpoints
 * become http:// URLs: TLS is chosen by --etcd-ca, not by the scheme, so one spelling serves both.
 */
export function parseStoreChoice(text: string): StoreChoice | undefined {
  if (text === 'sqlite') return { kind: 'sqlite' };
  if (!text.startsWith('etcd://')) return undefined;
  const hosts = text.slice('etcd://'.length).split(',');
  const endpoints: string[] = [];
  for (const host of hosts) {
    const match = HOST_PORT.exec(host);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) return undefined;
    endpoints.push(`http://${host}`);
  }
  return { kind: 'etcd', endpoints };
}

/** A prefix etcd keys of one site can live under: ends in '/', so two sites' prefixes do not nest by accident. */
export function isEtcdPrefix(text: string): boolean {
  return text.length >= 2 && text.endsWith('/') && !/\p{Cs}/u.test(text);
}
