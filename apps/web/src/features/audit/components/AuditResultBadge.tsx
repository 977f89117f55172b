import type { AuditResult } from '@drivebay/api-types';

const LABELS: Record<AuditResult, string> = {
  ok: 'ok',
  denied: 'denied',
  rejected: 'rejected',
  error: 'error',
};

/** A result as a shape and a word: a tick, a barred circle, an exclamation mark, a cross. */
export function AuditResultBadge({ result }: { result: AuditResult }) {
  return (
    <span className="audit-result" data-result={result}>
      <AuditResultIcon result={result} />
      {LABELS[result]}
    </span>
  );
}

function AuditResultIcon({ result }: { result: AuditResult }) {
  return (
    <svg className="audit-result-icon" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
      <circle cx="7" cy="7" r="6.2" className="audit-result-disc" />
      {result === 'ok' && <path d="M3.8 7.2 L6 9.4 L10.2 4.8" />}
      {result === 'denied' && <path d="M3.2 10.8 L10.8 3.2" />}
      {result === 'rejected' && <path d="M7 3.5 L7 8 M7 10.2 L7 10.4" />}
      {result === 'error' && <path d="M4.4 4.4 L9.6 9.6 M9.6 4.4 L4.4 9.6" />}
    </svg>
  );
}
