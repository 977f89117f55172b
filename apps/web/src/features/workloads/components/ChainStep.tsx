import type { ReactNode } from 'react';
import { DetailList, type DetailRow } from '../../../shared/components/DetailList';
import type { KubeStatus } from '../model/kubeStatus';
import { StatusText } from './StatusText';

interface ChainStepProps {
  /** Pod, Node, Server, PVC, PV, Volume, Drives. */
  kind: string;
  /** The object's name (a link where it has a page). */
  name: ReactNode;
  status?: KubeStatus | null;
  rows?: readonly DetailRow[];
  /** Links beside the name. */
  actions?: ReactNode;
  level?: 2 | 3;
  children?: ReactNode;
}

/** One step of the path from a pod down to the bays: what it is, its state in words, its facts. */
export function ChainStep({ kind, name, status, rows, actions, level = 2, children }: ChainStepProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li className="chain-step" data-step={kind.toLowerCase()} data-tone={status?.tone}>
      <div className="chain-card">
        <div className="chain-head">
          <Heading className="chain-title">
            <span className="chain-kind">{kind}</span> {name}
          </Heading>
          {status && <StatusText status={status} />}
          {actions && <span className="chain-actions">{actions}</span>}
        </div>
        {rows && rows.length > 0 && <DetailList rows={rows} />}
        {children}
      </div>
    </li>
  );
}
