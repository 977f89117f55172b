import type { KeyboardEvent } from 'react';
import type { KubeMatch } from '../details/findKube';

interface FindMatchesProps {
  id: string;
  query: string;
  matches: readonly KubeMatch[];
  /** How many matched in all (more than offered when the list is cut). */
  total: number;
  onChoose: (match: KubeMatch) => void;
  /** Esc: close the list and go back to the search box. */
  onDismiss: () => void;
}

/** The pods and PVCs Find offers for what was typed; arrow keys move, Enter chooses, Esc closes. */
export function FindMatches({ id, query, matches, total, onChoose, onDismiss }: FindMatchesProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      // Handled here, so the page's Esc does not also close the open panel.
      event.preventDefault();
      onDismiss();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    }
  };
  return (
    <div className="find-matches" id={id}>
      <ul aria-label={`Pods and PVCs matching “${query}”`} onKeyDown={handleKeyDown}>
        {matches.map((match) => (
          <li key={match.key} data-find-match={match.key}>
            <button type="button" onClick={() => onChoose(match)}>
              <span className="find-match-label">{match.label}</span>
              <span className="find-match-detail">{match.detail}</span>
            </button>
          </li>
        ))}
      </ul>
      {total > matches.length && (
        <p className="find-matches-more">
          {total - matches.length} more match; type more of the name to narrow them.
        </p>
      )}
    </div>
  );
}
