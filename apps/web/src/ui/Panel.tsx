import { type ReactNode, useId } from 'react';

export type PanelProps = {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  description?: ReactNode;
};

/** A titled section of a page (a landmark with its heading). */
export function Panel({ title, actions, children, className, description }: PanelProps) {
  const headingId = useId();
  return (
    <section className={`panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <header className="panel__head">
        <div>
          <h2 id={headingId} className="panel__title">
            {title}
          </h2>
          {description && <p className="panel__description">{description}</p>}
        </div>
        {actions && <div className="panel__actions">{actions}</div>}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
