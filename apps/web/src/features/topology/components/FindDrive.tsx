import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage } from '../../../api/apiError';
import { fetchVolume } from '../../volumes/api/volumeQueries';
import { findDrive } from '../details/findDrive';
import { useSlashFocus } from '../hooks/useSlashFocus';
import type { TopologyModel } from '../model/topologyModel';

interface FindDriveProps {
  model: TopologyModel;
  /** A drive was found: select it. */
  onFound: (id: string) => void;
  /** A volume was found: select its first drive and highlight all of them. */
  onVolumeFound: (volumeId: string, firstDriveId: string) => void;
}

/** Finds a drive by exact id or serial, or a volume by name; `/` focuses it. */
export function FindDrive({ model, onFound, onVolumeFound }: FindDriveProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const [found, setFound] = useState(false);
  useSlashFocus(inputRef);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get('drive') ?? '').trim();
    if (query === '') return;
    const drive = findDrive(model, query);
    setFound(false);
    if (drive) {
      setMessage('');
      onFound(drive.id);
      return;
    }
    try {
      const volume = await fetchVolume(query.toLowerCase());
      const first = volume?.members[0]?.driveId;
      if (volume && first) {
        setMessage(
          `Volume ${volume.name}: ${volume.members.length} drive${volume.members.length === 1 ? '' : 's'} outlined.`,
        );
        onVolumeFound(volume.id, first);
        return;
      }
      setMessage(`No drive (id or serial) and no volume named “${query}”.`);
    } catch (error) {
      setMessage(`Could not look up volume “${query}”: ${errorMessage(error)}`);
    }
  };

  return (
    <form className="find-drive" aria-label="Find on the map" onSubmit={(event) => void handleSubmit(event)}>
      <label htmlFor={inputId}>Find</label>
      <input
        ref={inputRef}
        id={inputId}
        name="drive"
        type="search"
        placeholder="Drive id, serial or volume  ( / )"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
      />
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
