import type { ClaimChain } from '@drivebay/api-types';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { claimHref } from '../../../shared/api/kubeQueries';
import { plural } from '../../../shared/format/count';
import { MemberHistory, volumePath } from '../../volumes';
import { describeChainVolume, describeClaim, describePv, missingVolumeReason } from '../model/describeChain';
import { claimStatus, volumeStatus } from '../model/kubeStatus';
import { ChainStep } from './ChainStep';
import { DrivesTable } from './DrivesTable';

interface ClaimChainViewProps {
  chain: ClaimChain;
  /** Whether the PVC's name links to its own page (not on that page itself). */
  linkClaim: boolean;
  level?: 2 | 3;
  /** Steps drawn above the PVC (the pods, on the PVC's page). */
  before?: ReactNode;
}

/** The path under a claim: PVC → PV → composer volume → drives. */
export function ClaimChainView({ chain, linkClaim, level = 3, before }: ClaimChainViewProps) {
  const { claim, volume, drives } = chain;
  return (
    <ol className="chain" aria-label={`From PVC ${claim.name} to its drives`} data-claim={claim.name}>
      {before}
      <ChainStep
        kind="PVC"
        level={level}
        name={
          linkClaim ? (
            <Link to={claimHref(claim.cluster, claim.namespace, claim.name)}>{claim.name}</Link>
          ) : (
            claim.name
          )
        }
        status={claimStatus(claim.phase)}
        rows={describeClaim(claim)}
      />
      <ChainStep
        kind="PV"
        level={level}
        name={claim.pv ?? <span className="muted">not bound</span>}
        rows={claim.pv ? describePv(claim) : []}
      />
      {volume ? (
        <>
          <ChainStep
            kind="Volume"
            level={level}
            name={<Link to={volumePath(volume.id)}>{volume.name}</Link>}
            status={volumeStatus(volume.health)}
            rows={describeChainVolume(volume)}
            actions={
              <Link className="button-link" to={`/topology?volume=${encodeURIComponent(volume.id)}`}>
                Show on topology<span className="visually-hidden"> for volume {volume.name}</span>
              </Link>
            }
          />
          <ChainStep kind="Drives" level={level} name={plural(drives.length, 'drive')}>
            <DrivesTable drives={drives} volumeName={volume.name} />
            <MemberHistory volume={volume} headingLevel={3} />
          </ChainStep>
        </>
      ) : (
        <ChainStep kind="Volume" level={level} name={<span className="muted">none</span>}>
          <p className="chain-note">{missingVolumeReason(chain)}</p>
        </ChainStep>
      )}
    </ol>
  );
}
