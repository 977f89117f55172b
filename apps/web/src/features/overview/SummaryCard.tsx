import type { ReactNode } from 'react';

/** A plain card: a title, a headline figure, and details. */
export function SummaryCard({
  title,
  figure,
  children,
}: {
  title: string;
  figure: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      <p className="card-figure">{figure}</p>
      {children}
    </section>
  );
}
