import { formatDateTime, formatRelative } from './time';
import { useNow } from './use-now';

export type RelativeTimeProps = { value: string | null | undefined; fallback?: string };

/** "5 minutes ago" with the exact time as a tooltip and machine-readable datetime. */
export function RelativeTime({ value, fallback = 'never' }: RelativeTimeProps) {
  const now = useNow();
  if (!value) return <span className="cell__muted">{fallback}</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelative(value, now)}
    </time>
  );
}
