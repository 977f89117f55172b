import { useId } from 'react';
import { COLOUR_MODES, type ColourMode, isColourMode } from '../map/bayColouring';

/** "Colour by": health, media, utilisation, owning cluster, storage group. */
export function ColourModePicker({
  mode,
  onChange,
}: {
  mode: ColourMode;
  onChange: (mode: ColourMode) => void;
}) {
  const id = useId();
  return (
    <div className="colour-mode">
      <label htmlFor={id}>Colour by</label>
      <select
        id={id}
        value={mode}
        onChange={(event) => {
          if (isColourMode(event.target.value)) onChange(event.target.value);
        }}
      >
        {COLOUR_MODES.map((m) => (
          <option key={m.mode} value={m.mode}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}
