import type { ReactNode } from 'react';

/** An honest "nothing here yet" that says what will appear and what to do next. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="state state-empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
