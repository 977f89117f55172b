import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Etcd3 } from 'etcd3';
import { EtcdMember } from './etcd-member.js';
import { freePort } from './free-port.js';

/** Throwaway etcd members on free loopback ports, each with a data directory under one temp dir. */
export class EtcdCluster {
  private constructor(
    readonly members: EtcdMember[],
    private readonly dir: string,
  ) {}

  /** Starts `size` members (1 or 3, say) and waits until every one is healthy. */
  static async start(size = 1): Promise<EtcdCluster> {
    const dir = await mkdtemp(join(tmpdir(), 'drivebay-etcd-'));
    const ports = [];
    for (let i = 0; i < size; i++) ports.push({ client: await freePort(), peer: await freePort() });
    const initialCluster = ports.map((p, i) => `m${i}=http://127.0.0.1:${p.peer}`).join(',');
    const clusterToken = randomUUID();
    const members = ports.map(
      (p, i) =>
        new EtcdMember({
          name: `m${i}`,
          clientPort: p.client,
          peerPort: p.peer,
          dataDir: join(dir, `m${i}`),
          initialCluster,
          clusterToken,
        }),
    );
    const cluster = new EtcdCluster(members, dir);
    try {
      for (const member of members) member.start();
      await Promise.all(members.map((member) => member.waitHealthy()));
      return cluster;
    } catch (error) {
      await cluster.close();
      throw error;
    }
  }

  /** Client URLs of every member. */
  get endpoints(): string[] {
    return this.members.map((member) => member.clientUrl);
  }

  /** The index of the member that leads now, asked of a running member. */
  async leader(): Promise<number> {
    const member = this.members.find((m) => m.running);
    if (!member) throw new Error('no etcd member is running');
    const client = new Etcd3({ hosts: member.clientUrl });
    try {
      const status = await client.maintenance.status();
      const { members } = await client.cluster.memberList({});
      const name = members.find((m) => m.ID === status.leader)?.name;
      const index = this.members.findIndex((m) => m.spec.name === name);
      if (index < 0) throw new Error(`leader ${status.leader} is not one of this cluster's members`);
      return index;
    } finally {
      client.close();
    }
  }

  /** Kills every member and removes their data. */
  async close(): Promise<void> {
    await Promise.all(this.members.map((member) => member.kill()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
