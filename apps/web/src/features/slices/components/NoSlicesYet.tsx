import { Link } from 'react-router';
import { EmptyState } from '../../../shared/components/EmptyState';
import { useCan } from '../../auth';

/** The empty state: what a slice is and how to get the first one, for whoever is looking. */
export function NoSlicesYet() {
  const canCompose = useCan('operator');
  return (
    <EmptyState title="No SSD is sliced yet">
      <p>
        A volume of type “SSD slice” gets a right-sized, 1 GiB-aligned part of an SSD instead of a whole
        drive.
      </p>
      <p>
        {canCompose ? (
          <>
            To make one, open <Link to="/volumes">Volumes</Link>, choose <strong>Compose volume</strong> and
            pick the type “SSD slice: part of an SSD”.
          </>
        ) : (
          <>
            An operator can compose one on the <Link to="/volumes">Volumes</Link> page (Compose volume, type
            “SSD slice”).
          </>
        )}{' '}
        Kubernetes gets them through a StorageClass with <code>type: slice</code>.
      </p>
    </EmptyState>
  );
}
