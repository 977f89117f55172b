import type { SortColumn, VolumeSort } from '../model/sortVolumes';

interface SortHeaderProps {
  column: SortColumn;
  label: string;
  sort: VolumeSort;
  onSort: (column: SortColumn) => void;
  className?: string;
}

/** A column header that sorts by its column; aria-sort tells assistive tech the current order. */
export function SortHeader({ column, label, sort, onSort, className }: SortHeaderProps) {
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={className} data-column={column}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
