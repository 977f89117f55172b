import type { ConnectionState } from '../shared/live/connectionStatus';
import { useConnectionStatus } from '../shared/live/statusContext';

/** The live connection's state, in words and a shape (not colour alone). */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <div role="status" className="connection" data-connection={status.state}>
      <ConnectionShape state={status.state} />
      <span>{status.label}</span>
      {status.state === 'live' && status.revision !== undefined && (
        // The revision ticks many times a second; announcing each tick would drown a screen reader.
        <span className="connection-revision" aria-live="off">
          {` · rev ${status.revision}`}
        </span>
      )}
    </div>
  );
}

function ConnectionShape({ state }: { state: ConnectionState }) {
  return (
    <svg className="connection-shape" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
      {state === 'live' && <circle cx="6" cy="6" r="5" />}
      {state === 'connecting' && <path d="M6 1 A5 5 0 1 1 1 6" fill="none" strokeWidth="2" />}
      {state === 'offline' && <path d="M2 2 L10 10 M10 2 L2 10" fill="none" strokeWidth="2.2" />}
    </svg>
  );
}
