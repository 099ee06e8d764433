import { Spinner } from './Spinner';

export type SwitchProps = {
  checked: boolean;
  label: string;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  disabledReason?: string;
  pending?: boolean;
};

/** An on/off button (role=switch) with a visible state word. */
export function Switch({
  checked,
  label,
  onChange,
  disabled = false,
  disabledReason,
  pending = false,
}: SwitchProps) {
  const inert = disabled || pending || Boolean(disabledReason);
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-disabled={inert || undefined}
      aria-busy={pending || undefined}
      title={disabledReason}
      className={`switch${checked ? ' switch--on' : ''}`}
      onClick={() => {
        if (!inert) onChange(!checked);
      }}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span className="switch__text">{pending ? <Spinner /> : checked ? 'On' : 'Off'}</span>
    </button>
  );
}
