import type { ReactNode } from 'react';

export type FormFieldIds = { inputId: string; helpId: string; errorId: string };

/** aria-describedby for an input: its help and, when present, its error. */
export function describedBy(
  ids: FormFieldIds,
  hasHelp: boolean,
  hasError: boolean,
): string | undefined {
  return (
    [hasHelp ? ids.helpId : '', hasError ? ids.errorId : ''].filter(Boolean).join(' ') || undefined
  );
}

export function fieldIds(base: string): FormFieldIds {
  return { inputId: base, helpId: `${base}-help`, errorId: `${base}-error` };
}

export type FormFieldProps = {
  ids: FormFieldIds;
  label: ReactNode;
  required?: boolean;
  help?: ReactNode;
  error?: string;
  /** Something next to the label (a badge, a button). */
  aside?: ReactNode;
  /** For checkboxes: the control comes before the label. */
  inline?: boolean;
  children: ReactNode;
};

/** Label, control, help text and error message, wired together for assistive tech. */
export function FormField({
  ids,
  label,
  required = false,
  help,
  error,
  aside,
  inline = false,
  children,
}: FormFieldProps) {
  const labelNode = (
    <label className="field__label" htmlFor={ids.inputId}>
      {label}
      {required && (
        <span className="field__required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
  return (
    <div className={`field${error ? ' field--invalid' : ''}${inline ? ' field--inline' : ''}`}>
      {inline ? (
        <div className="field__inline">
          {children}
          {labelNode}
          {aside}
        </div>
      ) : (
        <>
          <div className="field__label-row">
            {labelNode}
            {aside}
          </div>
          {children}
        </>
      )}
      {help && (
        <p id={ids.helpId} className="field__help">
          {help}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
