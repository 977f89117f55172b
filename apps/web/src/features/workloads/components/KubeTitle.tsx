import type { VolumeHealth } from '@drivebay/api-types';
import { Link } from 'react-router';
import { KubeHealth } from './StatusText';

interface KubeTitleProps {
  kind: 'Pod' | 'PVC';
  name: string;
  namespace: string;
  cluster: string;
  health: VolumeHealth | null;
  backTo: string;
}

/** Breadcrumb back to the list, the object's name with its storage health, where it lives. */
export function KubeTitle({ kind, name, namespace, cluster, health, backTo }: KubeTitleProps) {
  return (
    <header className="kube-detail-header">
      <p className="breadcrumb">
        <Link to={backTo}>← Workloads</Link>
      </p>
      <div className="volume-title">
        <h1>
          {kind} {name}
        </h1>
        <KubeHealth health={health} badge />
      </div>
      <p className="page-subtitle">
        Namespace {namespace} · cluster {cluster}
      </p>
    </header>
  );
}
