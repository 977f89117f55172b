import { IdSchema } from '@drivebay/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../shared/api/apiError';
import { useDebounced } from '../../../shared/hooks/useDebounced';
import { claimLabel, fetchVolume } from '../../volumes';
import { findDrive } from '../details/findDrive';
import { type KubeMatch, pickKubeMatch } from '../details/findKube';
import { highlightLabel, type MapHighlight } from '../details/mapHighlight';
import { fetchKubeDrives, fetchKubeMatches, useKubeMatches } from '../hooks/useKubeMatches';
import { useSlashFocus } from '../hooks/useSlashFocus';
import type { TopologyModel } from '../model/topologyModel';
import { FindMatches } from './FindMatches';

interface FindDriveProps {
  model: TopologyModel;
  /** A drive was found: select it. */
  onFound: (id: string) => void;
  /** A volume, pod or PVC was found: outline its drives and select the first. */
  onHighlight: (highlight: MapHighlight, firstDriveId: string) => void;
}

const drives = (count: number) => `${count} drive${count === 1 ? '' : 's'}`;

/** Finds a drive (id or serial), a volume, or a pod or PVC by name; `/` focuses it, Esc closes its list. */
export function FindDrive({ model, onFound, onHighlight }: FindDriveProps) {
  const inputId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [found, setFound] = useState(false);
  const typed = useDebounced(text.trim(), 200);
  const kube = useKubeMatches(typed, open);
  const showList = open && kube.matches.length > 0 && findDrive(model, typed) === undefined;
  useSlashFocus(inputRef);

  const say = (line: string, ok: boolean) => {
    setMessage(line);
    setFound(ok);
  };

  const handleChoose = async (match: KubeMatch) => {
    setOpen(false);
    inputRef.current?.focus();
    const what = highlightLabel(match.target);
    try {
      const { driveIds, volumes } = await fetchKubeDrives(queryClient, match);
      const first = driveIds[0];
      if (!first) {
        say(`${capitalise(what)} has no Drivebay volume on this site.`, false);
        return;
      }
      say(
        `${capitalise(what)}: ${drives(driveIds.length)} of ${volumes} volume${volumes === 1 ? '' : 's'} outlined.`,
        true,
      );
      onHighlight(match.target, first);
    } catch (error) {
      say(`Could not look up ${what}: ${errorMessage(error)}`, false);
    }
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = text.trim();
    if (query === '') return;
    const drive = findDrive(model, query);
    if (drive) {
      say('', false);
      setOpen(false);
      onFound(drive.id);
      return;
    }
    try {
      const volume = IdSchema.safeParse(query.toLowerCase()).success
        ? await fetchVolume(query.toLowerCase())
        : null;
      const first = volume?.members[0]?.driveId;
      if (volume && first) {
        const who = claimLabel(volume);
        say(
          `Volume ${volume.name}${who ? ` (PVC ${who})` : ''}: ${drives(volume.members.length)} outlined.`,
          true,
        );
        setOpen(false);
        onHighlight({ kind: 'volume', id: volume.id }, first);
        return;
      }
    } catch (error) {
      say(`Could not look up volume “${query}”: ${errorMessage(error)}`, false);
      return;
    }
    try {
      const matches = await fetchKubeMatches(queryClient, query);
      const pick = pickKubeMatch(query, matches);
      if (pick) return await handleChoose(pick);
      if (matches.length > 0) {
        setOpen(true);
        say(`${matches.length} pods and PVCs match “${query}”: choose one below.`, true);
        return;
      }
      say(`No drive (id or serial) and no volume named “${query}”. No pod or PVC matches it either.`, false);
    } catch (error) {
      say(`Could not look up pods and PVCs named “${query}”: ${errorMessage(error)}`, false);
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && showList) {
      // Closes the list only; the next Esc reaches the page (and closes the open panel).
      event.preventDefault();
      setOpen(false);
    } else if (event.key === 'ArrowDown' && showList) {
      event.preventDefault();
      document.getElementById(listId)?.querySelector('button')?.focus();
    }
  };

  const handleDismiss = () => {
    setOpen(false);
    inputRef.current?.focus();
  };

  return (
    <form
      className="find-drive"
      aria-label="Find on the map"
      onSubmit={(event) => void handleSubmit(event)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <label htmlFor={inputId}>Find</label>
      <span className="find-drive-field">
        <input
          ref={inputRef}
          id={inputId}
          name="drive"
          type="search"
          placeholder="Drive, serial, volume, pod or PVC  ( / )"
          aria-keyshortcuts="/"
          aria-controls={showList ? listId : undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onKeyDown={handleKeyDown}
        />
        {showList && (
          <FindMatches
            id={listId}
            query={typed}
            matches={kube.matches}
            total={kube.total}
            onChoose={(match) => void handleChoose(match)}
            onDismiss={handleDismiss}
          />
        )}
      </span>
      <button type="submit">Find</button>
      <p
        className={found ? 'find-drive-message find-drive-message--found' : 'find-drive-message'}
        aria-live="polite"
      >
        {message}
      </p>
    </form>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
