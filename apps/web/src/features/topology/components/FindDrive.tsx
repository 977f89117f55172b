import { type FormEvent, useId, useState } from 'react';
import { findDrive } from '../details/findDrive';
import type { TopologyModel } from '../model/topologyModel';

interface FindDriveProps {
  model: TopologyModel;
  onFound: (id: string) => void;
}

/** Selects a drive by exact id or serial. */
export function FindDrive({ model, onFound }: FindDriveProps) {
  const inputId = useId();
  const [message, setMessage] = useState('');

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get('drive') ?? '').trim();
    if (query === '') return;
    const drive = findDrive(model, query);
    if (!drive) {
      setMessage(`No drive with id or serial “${query}”.`);
      return;
    }
    setMessage('');
    onFound(drive.id);
  };

  return (
    <form className="find-drive" onSubmit={handleSubmit}>
      <label htmlFor={inputId}>Find drive</label>
      <input
        id={inputId}
        name="drive"
        type="search"
        placeholder="Drive id or serial"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit">Find</button>
      <p className="find-drive-message" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
