import { formatCount, plural } from '../../../shared/format/count';

/** Under a list: how many there are, and when capped, how to see the others. */
export function ListNote({ shown, total, noun }: { shown: number; total: number; noun: string }) {
  if (shown >= total) {
    return <p className="kube-list-note">{plural(total, noun)}.</p>;
  }
  return (
    <p className="kube-list-note" data-capped="true">
      Showing the first {formatCount(shown)} of {plural(total, noun)}. Pick a namespace or type in the filter
      to find the others.
    </p>
  );
}
