import type { IncidentPart } from '../model/incidentStatus';

const MARK: Record<IncidentPart['tone'], string> = { critical: '✕', warning: '!', info: '↻' };

/** "✕ 1 enclosure offline · ! 3 volumes degraded": a mark and words, never colour alone. */
export function IncidentPartList({ parts }: { parts: readonly IncidentPart[] }) {
  return (
    <ul className="incident-parts">
      {parts.map((part) => (
        <li
          key={part.key}
          className={`incident-part incident-part--${part.tone}`}
          data-incident-part={part.key}
        >
          <span aria-hidden="true" className="incident-mark">
            {MARK[part.tone]}
          </span>
          {part.label}
        </li>
      ))}
    </ul>
  );
}
