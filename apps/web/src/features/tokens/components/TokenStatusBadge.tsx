import { StatusIcon } from '../../../shared/components/StatusIcon';
import type { TokenStatus } from '../model/tokens';

const TONES = { active: 'ok', expired: 'degraded', revoked: 'failed' } as const;

/** A token's state as the shared shapes (plain, dot, cross) and a word. */
export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return (
    <span className="volume-health" data-token-status={status}>
      <StatusIcon tone={TONES[status]} /> {status}
    </span>
  );
}
