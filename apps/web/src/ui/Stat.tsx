import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export type StatProps = {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  to?: string;
  tone?: 'default' | 'warn' | 'error' | 'ok';
};

/** One big number with a label; a link when `to` is given. */
export function Stat({ label, value, detail, to, tone = 'default' }: StatProps) {
  const body = (
    <>
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
      {detail && <span className="stat__detail">{detail}</span>}
    </>
  );
  return to ? (
    <Link className={`stat stat--${tone} stat--link`} to={to}>
      {body}
    </Link>
  ) : (
    <div className={`stat stat--${tone}`}>{body}</div>
  );
}
