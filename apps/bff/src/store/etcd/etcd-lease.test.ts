import type { Etcd3, Lease } from 'etcd3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEtcdClient } from './etcd-client.js';
import { useEtcdCluster } from './testing/etcd-fixtures.js';

/**
 * What etcd3 1.1.2's leases do, which leader election will build on: a lease is granted and kept
 * alive by the client; when etcd is gone for longer than the TTL, the client says so ('lost');
 * the server, once back, expires the lease nobody renews and deletes the keys it owns.
 */
describe('etcd3 1.1.2 leases', () => {
  const cluster = useEtcdCluster(1);
  const clients: Etcd3[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  function client(): Etcd3 {
    const made = createEtcdClient({ endpoints: cluster().endpoints });
    clients.push(made);
    return made;
  }

  it('keeps a leased key past its TTL while keepalives succeed', async () => {
    const etcd = client();
    const lease = etcd.lease(2);
    const renewed = keepalives(lease, 4);
    await lease.grant();
    await lease.put('/lease-test/alive').value('leader');
    // Four renewals at TTL/3 span more than the TTL: only they can have kept the key.
    await renewed;
    expect(await etcd.get('/lease-test/alive').string()).toBe('leader');
    await lease.revoke();
    expect(await etcd.get('/lease-test/alive').string()).toBeNull();
  });

  it('reports the lease lost when etcd is down longer than the TTL, and the key expires once etcd is back', async () => {
    const etcd = client();
    const lease = etcd.lease(1);
    const lost = new Promise<Error>((resolve) => lease.on('lost', resolve));
    await lease.grant();
    await lease.put('/lease-test/lost').value('leader');
    await keepalives(lease, 1);
    const member = cluster().members[0];
    if (!member) throw new Error('no member');
    await member.kill('SIGKILL');
    // The client cannot renew; it declares the lease lost by itself (etcd3: after 2 x TTL without a renewal).
    expect(await lost).toBeInstanceOf(Error);
    expect(lease.revoked()).toBe(true);
    member.start();
    await member.waitHealthy();
    // etcd restores leases with a fresh TTL on restart; nobody renews this one, so it expires with its key.
    await until(async () => (await etcd.get('/lease-test/lost').string()) === null);
    // A write under the lost lease is refused: a deposed leader's leased write cannot land.
    await expect(lease.put('/lease-test/lost').value('late')).rejects.toThrow(/lease not found/);
    expect(await etcd.get('/lease-test/lost').string()).toBeNull();
  });
});

/** Resolves after `count` successful renewals. */
function keepalives(lease: Lease, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    lease.on('keepaliveSucceeded', () => {
      seen++;
      if (seen === count) resolve();
    });
  });
}

async function until(ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await ready()) return;
    } catch {
      // etcd still coming back
    }
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
