import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '../../../ui/Button';
import { describedBy, fieldIds, FormField } from '../../../ui/FormField';
import type { Trigger, TriggerType } from '../types';
import {
  type FormErrors,
  type FormValues,
  initialSecretModes,
  initialValues,
  NAME_KEY,
  type SecretMode,
  type SecretModes,
  serverFieldError,
  toConfiguration,
  validateTriggerForm,
} from '../utils/trigger-form';
import { TriggerFieldInput } from './TriggerFieldInput';

export type TriggerFormSubmit = {
  name: string;
  enabled: boolean;
  configuration: Record<string, string>;
};

export type TriggerFormProps = {
  triggerType: TriggerType;
  /** Edit this stored trigger; without it the form creates one. */
  trigger?: Trigger;
  pending?: boolean;
  /** The server's message when saving failed (mapped to its field when it names one). */
  serverError?: string | null;
  onSubmit: (values: TriggerFormSubmit) => void;
  onCancel?: () => void;
};

/** A trigger's settings form, generated from its type's field descriptions. */
export function TriggerForm({
  triggerType,
  trigger,
  pending = false,
  serverError,
  onSubmit,
  onCancel,
}: TriggerFormProps) {
  const idPrefix = useId().replace(/:/g, '');
  const { fields } = triggerType;
  const creating = !trigger;
  const [name, setName] = useState(trigger?.name ?? '');
  const [enabled, setEnabled] = useState(trigger?.enabled ?? true);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, trigger));
  const [secrets, setSecrets] = useState<SecretModes>(() => initialSecretModes(fields, trigger));
  const [submitted, setSubmitted] = useState(false);
  const [focusFirstError, setFocusFirstError] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const errors: FormErrors = useMemo(
    () =>
      submitted ? validateTriggerForm(fields, values, secrets, creating ? name : undefined) : {},
    [submitted, fields, values, secrets, creating, name],
  );
  const fromServer = serverError ? serverFieldError(serverError, fields) : null;
  const shownErrors: FormErrors =
    fromServer && !errors[fromServer.key]
      ? { ...errors, [fromServer.key]: fromServer.message }
      : errors;

  useEffect(() => {
    if (!focusFirstError) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirstError]);

  const providerFields = fields.filter((field) => field.group !== 'common');
  const commonFields = fields.filter((field) => field.group === 'common');
  const commonHasError = commonFields.some((field) => shownErrors[field.key]);

  const handleChange = (key: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [key]: value }));
  const handleSecretMode = (key: string, mode: SecretMode) =>
    setSecrets((current) => ({ ...current, [key]: mode }));
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const found = validateTriggerForm(fields, values, secrets, creating ? name : undefined);
    if (Object.keys(found).length > 0) {
      setFocusFirstError((count) => count + 1);
      return;
    }
    onSubmit({ name, enabled, configuration: toConfiguration(fields, values, secrets) });
  };

  const nameIds = fieldIds(`${idPrefix}-name`);
  const errorCount = Object.keys(shownErrors).length;
  const renderField = (field: TriggerType['fields'][number]) => (
    <TriggerFieldInput
      key={field.key}
      field={field}
      idPrefix={idPrefix}
      value={values[field.key] ?? ''}
      error={shownErrors[field.key]}
      secretMode={secrets[field.key]}
      onChange={handleChange}
      onSecretModeChange={handleSecretMode}
    />
  );

  return (
    <form
      ref={formRef}
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-label={creating ? `New ${triggerType.type} trigger` : `Edit ${trigger.id}`}
    >
      <div className="form__grid">
        <FormField
          ids={nameIds}
          label="Name"
          required
          help={
            creating
              ? `Lower-case letters, digits and dashes; the trigger's id becomes ${triggerType.type}.${name || '<name>'}.`
              : 'The name cannot change.'
          }
          error={shownErrors[NAME_KEY]}
        >
          <input
            id={nameIds.inputId}
            value={name}
            readOnly={!creating}
            onChange={(event) => setName(event.target.value.toLowerCase())}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={shownErrors[NAME_KEY] ? true : undefined}
            aria-describedby={describedBy(nameIds, true, Boolean(shownErrors[NAME_KEY]))}
            aria-required
          />
        </FormField>
        <FormField
          ids={fieldIds(`${idPrefix}-enabled`)}
          label="Enabled"
          help="A disabled trigger never fires, not even when run by hand."
          inline
        >
          <input
            id={`${idPrefix}-enabled`}
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
            aria-describedby={`${idPrefix}-enabled-help`}
          />
        </FormField>
        {providerFields.map(renderField)}
      </div>
      {commonFields.length > 0 && (
        <details className="form__advanced" open={commonHasError || undefined}>
          <summary>
            When it fires and what it says (mode, threshold, once, templates, events…)
          </summary>
          <div className="form__grid">{commonFields.map(renderField)}</div>
        </details>
      )}
      {serverError && !fromServer && (
        <p className="form-error" role="alert">
          {serverError}
        </p>
      )}
      {submitted && errorCount > 0 && (
        <p className="form-error" role="alert">
          {errorCount === 1 ? 'One field needs attention.' : `${errorCount} fields need attention.`}
        </p>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={pending} pendingLabel="Saving">
          {creating ? 'Create trigger' : 'Save changes'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
