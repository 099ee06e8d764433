import { Spinner } from './Spinner';

export type LoadingStateProps = { label: string; compact?: boolean };

export function LoadingState({ label, compact = false }: LoadingStateProps) {
  return (
    <div
      className={`state state--loading${compact ? ' state--compact' : ''}`}
      role="status"
      aria-live="polite"
    >
      <Spinner /> {label}…
    </div>
  );
}
