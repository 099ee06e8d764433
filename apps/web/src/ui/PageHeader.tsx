import type { ReactNode } from 'react';

export type PageHeaderProps = {
  title: ReactNode;
  id?: string;
  meta?: ReactNode;
  actions?: ReactNode;
  leading?: ReactNode;
};

export function PageHeader({ title, id, meta, actions, leading }: PageHeaderProps) {
  return (
    <div className="page__head">
      <div className="page__title-row">
        {leading}
        <h1 id={id}>{title}</h1>
        {meta && <span className="page__meta">{meta}</span>}
      </div>
      {actions && <div className="page__actions">{actions}</div>}
    </div>
  );
}
