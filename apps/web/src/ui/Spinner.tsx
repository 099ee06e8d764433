export type SpinnerProps = { label?: string };

/** A small spinning ring; decorative unless a label is given. */
export function Spinner({ label }: SpinnerProps) {
  return label ? (
    <span className="spinner" role="img" aria-label={label} />
  ) : (
    <span className="spinner" aria-hidden="true" />
  );
}
