interface FilterChoicesProps<T extends string> {
  legend: string;
  choices: readonly T[];
  selected: readonly T[] | undefined;
  onChange: (selected: T[]) => void;
}

/** A row of checkboxes; none ticked means no filter, and the legend says so. */
export function FilterChoices<T extends string>({
  legend,
  choices,
  selected,
  onChange,
}: FilterChoicesProps<T>) {
  const handleToggle = (value: T, on: boolean) => {
    const rest = (selected ?? []).filter((v) => v !== value);
    onChange(on ? [...rest, value] : rest);
  };
  return (
    <fieldset className="result-choices">
      <legend>{legend} (none ticked: all)</legend>
      {choices.map((choice) => (
        <label key={choice}>
          <input
            type="checkbox"
            checked={selected?.includes(choice) ?? false}
            onChange={(e) => handleToggle(choice, e.target.checked)}
          />
          {choice}
        </label>
      ))}
    </fieldset>
  );
}
