import type { LocateKind } from '@drivebay/api-types';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../../shared/api/apiError';
import { formatTimestamp } from '../../../shared/format/time';
import { useCan } from '../../auth';
import { setLocate } from '../api/setLocate';
import { locateOf, type TopologyModel } from '../model/topologyModel';

interface LocateControlProps {
  model: TopologyModel;
  kind: LocateKind;
  id: string;
}

/**
 * The locate LED of a drive's bay or of an enclosure: whether it is lit, since when and by whom,
 * and (for operators) the button that lights or clears it on the hardware. The state shown is the
 * live topology's, so it changes when anyone turns it, from any console.
 */
export function LocateControl({ model, kind, id }: LocateControlProps) {
  const canLocate = useCan('operator');
  const locate = locateOf(model, kind, id);
  const change = useMutation({ mutationFn: (on: boolean) => setLocate(kind, id, on) });
  const what = kind === 'drive' ? 'bay' : 'enclosure';
  return (
    <section className="locate" aria-label="Locate LED" data-locate={locate ? 'on' : 'off'}>
      <p className="locate-state">
        <span className="locate-mark" aria-hidden="true" />
        {locate ? (
          <span>
            Locate LED <strong>on</strong> since {formatTimestamp(locate.since)}, by {locate.by}: the {what}{' '}
            blinks on the map and on the hardware.
          </span>
        ) : (
          <span>Locate LED off.</span>
        )}
      </p>
      {canLocate && (
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate(!locate)}
          aria-describedby={change.isError ? `locate-error-${id}` : undefined}
        >
          {locate ? 'Turn locate LED off' : `Light the ${what}'s locate LED`}
        </button>
      )}
      {change.isError && (
        <p className="form-error" role="alert" id={`locate-error-${id}`}>
          {errorMessage(change.error)}
        </p>
      )}
    </section>
  );
}
