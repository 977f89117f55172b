import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  children?: ReactNode;
  /** Buttons beside the title (shown only to those who may use them). */
  actions?: ReactNode;
}

/** The page's heading, optional actions beside it, and an optional line under it. */
export function PageHeader({ title, children, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header-title">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </div>
  );
}
