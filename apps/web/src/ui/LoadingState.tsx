export type LoadingStateProps = { label: string };

export function LoadingState({ label }: LoadingStateProps) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}…
    </div>
  );
}
