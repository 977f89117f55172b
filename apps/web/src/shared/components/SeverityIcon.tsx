import type { Severity } from '@drivebay/api-types';
import type { StatusTone } from '../model/volumeLabels';
import { StatusIcon } from './StatusIcon';

const TONES: Record<Severity, StatusTone> = { info: 'ok', warning: 'degraded', critical: 'failed' };

/** An event's severity as the shared shapes: plain, dot, X. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return <StatusIcon tone={TONES[severity]} />;
}
