import { type LocateKind, type LocateResult, LocateResultSchema } from '@drivebay/api-types';
import { sendJson } from '../../../shared/api/sendJson';

/** Lights or clears a drive's or an enclosure's locate LED; the map follows through the live feed. */
export function setLocate(kind: LocateKind, id: string, on: boolean): Promise<LocateResult> {
  return sendJson(
    'POST',
    `/api/v1/${kind}s/${encodeURIComponent(id)}/locate`,
    { on },
    { schema: LocateResultSchema },
  );
}
