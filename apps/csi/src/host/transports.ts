import type { StageMember, Transport } from './host.js';
import { isAttached } from './recorded-steps.js';
import { growDevice } from './volume-device.js';
import type { VolumeSteps } from './volume-steps.js';

/**
 * Reaching a volume's members over one transport. The fabric steps are recorded (this machine
 * has none); the device the volume is then seen as is real: a sparse file of its capacity.
 */
export interface Attacher {
  readonly transport: Transport;
  /** The block device a real host sees for one member once it is attached. */
  memberDevice(member: StageMember): string;
  /** Attaches every member not yet attached, then returns the path of the volume's device. */
  attach(members: readonly StageMember[], volume: VolumeSteps, capacityBytes: number): Promise<string>;
  /** Detaches every one of these members that is attached. */
  detach(members: readonly StageMember[], volume: VolumeSteps): Promise<void>;
}

/** What a real host runs for one member on a fabric. */
interface FabricCommands {
  connect(member: StageMember): string;
  disconnect(member: StageMember): string;
  device(member: StageMember): string;
}

// Names Drivebay's targets would export; the record carries no addresses, so those are named by drive.
const IQN = 'iqn.2024-01.io.drivebay';
const NQN = 'nqn.2024-01.io.drivebay';

/** One target per whole drive, one per slice (its extent in the name). */
function targetName(member: StageMember): string {
  return member.slice
    ? `${member.driveId}.s${member.slice.offsetGiB}-${member.slice.sizeGiB}`
    : member.driveId;
}

const iscsi: FabricCommands = {
  connect: (m) => {
    const portal = `<portal of ${m.driveId}>`;
    return `iscsiadm -m discovery -t sendtargets -p ${portal} && iscsiadm -m node -T ${IQN}:${targetName(m)} -p ${portal} --login`;
  },
  disconnect: (m) => `iscsiadm -m node -T ${IQN}:${targetName(m)} -p <portal of ${m.driveId}> --logout`,
  device: (m) => `/dev/disk/by-path/ip-<portal of ${m.driveId}>-iscsi-${IQN}:${targetName(m)}-lun-0`,
};

/** NVMe over TCP and over RDMA (RoCE) differ only in the `nvme connect` transport. */
function nvmeOf(fabric: 'tcp' | 'rdma'): FabricCommands {
  return {
    connect: (m) =>
      `nvme connect -t ${fabric} -a <address of ${m.driveId}> -s 4420 -n ${NQN}:${targetName(m)}`,
    disconnect: (m) => `nvme disconnect -n ${NQN}:${targetName(m)}`,
    device: (m) => `/dev/disk/by-id/nvme-${NQN}:${targetName(m)}`,
  };
}

function fabricAttacher(transport: Transport, commands: FabricCommands): Attacher {
  return {
    transport,
    memberDevice: commands.device,
    async attach(members, volume, capacityBytes) {
      for (const member of members) {
        if (await isAttached(volume.files, member)) continue;
        await volume.record({ verb: 'attach', transport, member }, commands.connect(member), {
          fabric: true,
        });
      }
      // A real host sees one device per member and assembles them; one file stands for the result.
      await volume.checkpoint('device');
      await growDevice(volume.files.device, capacityBytes);
      return volume.files.device;
    },
    async detach(members, volume) {
      for (const member of members) {
        if (!(await isAttached(volume.files, member))) continue;
        await volume.record({ verb: 'detach', transport, member }, commands.disconnect(member), {
          fabric: true,
        });
      }
    },
  };
}

const ATTACHERS: Record<Transport, Attacher> = {
  iscsi: fabricAttacher('iscsi', iscsi),
  nvmetcp: fabricAttacher('nvmetcp', nvmeOf('tcp')),
  roce: fabricAttacher('roce', nvmeOf('rdma')),
};

export function attacherFor(transport: Transport): Attacher {
  return ATTACHERS[transport];
}
