import type { Volume } from '@drivebay/api-types';
import { Link } from 'react-router';
import { EventMessage } from '../../../shared/components/EventMessage';
import { formatTimestamp } from '../../../shared/format/time';
import { useVolumeEvents } from '../hooks/useVolume';
import { csiCalls, csiPath, lastCsiError } from '../model/csiView';
import { claimPath } from '../model/volumeBinding';
import './CsiPanel.css';

/** How many of the calls that changed the volume are listed. */
const CALLS_SHOWN = 8;

/**
 * The volume as Kubernetes reached it through the CSI plugin: its PV and PVC, where it is on the
 * path CreateVolume → ControllerPublish → NodeStage → NodePublish (server, staging path, pods'
 * target paths), the calls that brought it there, and the last error a call returned.
 */
export function CsiPanel({ volume }: { volume: Volume }) {
  const events = useVolumeEvents(volume.id, true).data?.events ?? [];
  const calls = csiCalls(events).slice(0, CALLS_SHOWN);
  const failure = lastCsiError(volume);
  const binding = volume.binding;
  return (
    <section className="csi-panel" aria-labelledby="csi-heading" data-lifecycle={volume.lifecycle}>
      <h2 id="csi-heading">Kubernetes (CSI)</h2>
      <p className="csi-objects">
        PV <code>{volume.name}</code>
        {binding ? (
          <>
            {' '}
            · PVC <Link to={claimPath(binding)}>{`${binding.namespace}/${binding.claim}`}</Link> in cluster{' '}
            {binding.cluster}
          </>
        ) : (
          <span className="muted"> · no PVC of a watched cluster is bound to it</span>
        )}
      </p>
      {failure && (
        <div
          className={failure.current ? 'attention attention--alert csi-error' : 'csi-error csi-error--past'}
          role={failure.current ? 'alert' : undefined}
          data-csi-error={failure.error.rpc}
        >
          <strong>
            {failure.current ? 'Last CSI call failed' : 'An earlier CSI call failed'}: {failure.error.rpc} →{' '}
            {failure.error.code}
          </strong>
          {failure.error.count > 1 && ` (${failure.error.count} times in a row)`}
          <p>{failure.error.message}</p>
          <p className="muted">
            {failure.error.origin === 'node' ? 'On the node' : 'Refused by Drivebay'},{' '}
            {formatTimestamp(failure.error.at, true)} · {failure.error.actor}
            {!failure.current && volume.csi?.lastCall && ` · since then ${volume.csi.lastCall.rpc} succeeded`}
          </p>
        </div>
      )}
      <ol className="csi-path" aria-label="CSI lifecycle">
        {csiPath(volume).map((step) => (
          <li key={step.rpc} data-step={step.rpc} data-state={step.state}>
            <span className="csi-step-mark" aria-hidden="true">
              {step.state === 'done' ? '✓' : step.state === 'current' ? '●' : '○'}
            </span>
            <span className="csi-step-rpc">{step.rpc}</span>
            <span className="csi-step-where">
              {step.where ?? (step.state === 'pending' ? 'not yet' : '')}
              {step.state === 'current' && <span className="visually-hidden"> (current state)</span>}
            </span>
          </li>
        ))}
      </ol>
      {volume.lifecycle === 'Released' && (
        <p className="muted">Released: DeleteVolume kept its storage (reclaim policy Retain) until purged.</p>
      )}
      <h3>Calls that changed it</h3>
      {calls.length === 0 ? (
        <p className="muted">
          No CSI call has changed this volume yet (it was composed from the console or a script).
        </p>
      ) : (
        <ol className="csi-calls" aria-label="CSI calls, newest first">
          {calls.map(({ rpc, event }) => (
            <li key={event.id} data-rpc={rpc}>
              <time dateTime={event.at}>{formatTimestamp(event.at, true)}</time>
              <span className="csi-call-rpc">{rpc}</span>
              <span className="csi-call-message">
                <EventMessage event={event} />
              </span>
              <span className="csi-call-actor">{event.actor}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
