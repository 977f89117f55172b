import { kubeObjectId } from '@drivebay/api-types';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { claimHref, podHref } from '../../../shared/api/kubeQueries';
import type { ResolvedHighlight } from '../hooks/useMapHighlight';

interface HighlightNoteProps {
  resolved: ResolvedHighlight;
  onClear: () => void;
}

const volumeLink = (id: string) => <Link to={`/volumes/${encodeURIComponent(id)}`}>{id}</Link>;

/** "Outlined: the 2 drives of pod cassandra/cassandra-0 (volume pvc-…)", with a way back. */
export function HighlightNote({ resolved, onClear }: HighlightNoteProps) {
  const { highlight, driveIds, volumeIds, loading, missing } = resolved;
  if (!highlight) return null;
  const count = `${driveIds.length} drive${driveIds.length === 1 ? '' : 's'}`;
  const data =
    highlight.kind === 'volume'
      ? { 'data-highlighted-volume': highlight.id }
      : { [`data-highlighted-${highlight.kind}`]: kubeObjectId(highlight) };
  const clear = (
    <button type="button" onClick={onClear}>
      Clear
    </button>
  );
  if (highlight.kind === 'volume') {
    return (
      <p className="map-summary volume-highlight" {...data}>
        Outlined: the {count} of volume {volumeLink(highlight.id)}. {clear}
      </p>
    );
  }
  const { cluster, namespace, name } = highlight;
  const href =
    highlight.kind === 'pod' ? podHref(cluster, namespace, name) : claimHref(cluster, namespace, name);
  const what = highlight.kind === 'pod' ? 'pod' : 'PVC';
  return (
    <p className="map-summary volume-highlight" {...data} aria-busy={loading}>
      {missing ? (
        <>
          Nothing outlined: {what} {namespace}/{name} is not known to Drivebay (any more).{' '}
        </>
      ) : loading ? (
        <>
          Finding the drives of {what} {namespace}/{name}…{' '}
        </>
      ) : (
        <>
          Outlined: the {count} of {what} <Link to={href}>{`${namespace}/${name}`}</Link>
          {volumeIds.length > 0 && (
            <>
              {' '}
              (volume{volumeIds.length === 1 ? '' : 's'}{' '}
              {volumeIds.map((id, index) => (
                <Fragment key={id}>
                  {index > 0 && ', '}
                  {volumeLink(id)}
                </Fragment>
              ))}
              )
            </>
          )}
          .{' '}
        </>
      )}
      {clear}
    </p>
  );
}
