import { describe, expect, it } from 'vitest';
import { CliError, parseCli } from './cli.js';

describe('drivebay-csi command line', () => {
  it('takes flags over environment over defaults', () => {
    const cli = parseCli(['--mode', 'node', '--node-id', 'srv-a01-01'], {
      CSI_ENDPOINT: 'unix:///plugin/csi.sock',
      DRIVEBAY_CSI_MODE: 'controller',
      KUBE_NODE_NAME: 'k8s-a01-01',
    });
    expect(cli).toMatchObject({
      kind: 'run',
      options: {
        mode: 'node',
        endpoint: 'unix:///plugin/csi.sock',
        nodeId: 'srv-a01-01',
        nodeName: 'k8s-a01-01',
        secretDir: '/etc/drivebay/secret',
        cluster: 'default',
        hostMounts: 'auto',
        maxVolumesPerNode: 128,
      },
    });
  });

  it('refuses an unknown flag or a value not allowed, naming it and what is allowed', () => {
    expect(() => parseCli(['--moed', 'node'], {})).toThrow(CliError);
    expect(() => parseCli(['--mode', 'both'], {})).toThrow(
      '--mode "both" is not allowed: use controller, node, all',
    );
    expect(() => parseCli([], { DRIVEBAY_CSI_MODE: 'both' })).toThrow(
      'DRIVEBAY_CSI_MODE "both" is not allowed',
    );
    expect(() => parseCli(['--max-volumes-per-node', '0'], {})).toThrow(/--max-volumes-per-node "0"/);
    expect(() => parseCli(['--cluster', 'Prod East'], {})).toThrow(/--cluster "Prod East" is not allowed/);
    expect(() => parseCli(['--host-mounts', 'nfs'], {})).toThrow(/use auto, bind, record/);
  });

  it('answers --help and --version', () => {
    expect(parseCli(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseCli(['--version'], {})).toEqual({ kind: 'version' });
  });
});
