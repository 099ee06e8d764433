import { type ButtonHTMLAttributes, type MouseEvent, type ReactNode, useId } from 'react';
import { Spinner } from './Spinner';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'ghost';

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> & {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /** Work in progress: a spinner, `pendingLabel`, aria-busy; clicks are ignored but focus stays. */
  pending?: boolean;
  pendingLabel?: ReactNode;
  disabled?: boolean;
  /**
   * Why the action is unavailable. The button stays focusable (aria-disabled) so keyboard and
   * screen-reader users get the reason too, as a tooltip and a description.
   */
  disabledReason?: string;
  icon?: ReactNode;
};

export function Button({
  variant = 'default',
  size = 'md',
  pending = false,
  pendingLabel,
  disabled = false,
  disabledReason,
  icon,
  className,
  children,
  onClick,
  type = 'button',
  title,
  ...rest
}: ButtonProps) {
  const reasonId = useId();
  const unavailable = Boolean(disabledReason);
  const inert = pending || unavailable;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (inert) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  const classes = [
    'button',
    `button--${variant}`,
    size === 'sm' ? 'button--sm' : '',
    pending ? 'is-pending' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <button
        {...rest}
        type={type}
        className={classes}
        disabled={disabled}
        aria-disabled={inert || undefined}
        aria-busy={pending || undefined}
        aria-describedby={unavailable ? reasonId : rest['aria-describedby']}
        title={disabledReason ?? title}
        onClick={handleClick}
      >
        {pending ? <Spinner /> : icon}
        <span>{pending && pendingLabel ? pendingLabel : children}</span>
      </button>
      {unavailable && (
        <span id={reasonId} className="visually-hidden">
          {disabledReason}
        </span>
      )}
    </>
  );
}
