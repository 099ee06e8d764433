import { Button } from './Button';

export type ErrorStateProps = {
  message: string;
  title?: string;
  onRetry?: () => void;
  compact?: boolean;
};

export function ErrorState({
  message,
  title = 'Something went wrong',
  onRetry,
  compact = false,
}: ErrorStateProps) {
  return (
    <div className={`state state--error${compact ? ' state--compact' : ''}`} role="alert">
      <p className="state__title">{title}</p>
      <p className="state__body">{message}</p>
      {onRetry && <Button onClick={onRetry}>Try again</Button>}
    </div>
  );
}
