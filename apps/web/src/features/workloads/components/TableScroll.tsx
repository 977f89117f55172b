import type { ReactNode } from 'react';

/**
 * A table's own scroll box. It takes keyboard focus (with a name) so that a table with nothing
 * focusable inside, like the nodes, can still be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll kube-table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
