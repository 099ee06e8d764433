import type { ChangeEvent } from 'react';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { describedBy, fieldIds, FormField } from '../../../ui/FormField';
import type { TriggerField } from '../types';
import { defaultText, isTemplateField, type SecretMode, splitList } from '../utils/trigger-form';

export type TriggerFieldInputProps = {
  field: TriggerField;
  idPrefix: string;
  value: string | boolean;
  error?: string;
  secretMode?: SecretMode;
  onChange: (key: string, value: string | boolean) => void;
  onSecretModeChange?: (key: string, mode: SecretMode) => void;
};

function helpText(field: TriggerField): string {
  const parts = [field.help];
  const fallback = defaultText(field);
  if (fallback && field.type !== 'boolean' && !isTemplateField(field) && !field.secret)
    parts.push(`Default: ${fallback}.`);
  return parts.filter(Boolean).join(' ');
}

/** One configuration field, rendered from its description (type, options, default, secret). */
export function TriggerFieldInput({
  field,
  idPrefix,
  value,
  error,
  secretMode,
  onChange,
  onSecretModeChange,
}: TriggerFieldInputProps) {
  const ids = fieldIds(`${idPrefix}-${field.key}`);
  const help = helpText(field);
  const aria = {
    'aria-describedby': describedBy(ids, Boolean(help), Boolean(error)),
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required || undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const handleText = (
    event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>,
  ) => onChange(field.key, event.target.value);

  if (field.type === 'boolean') {
    return (
      <FormField ids={ids} label={field.label} help={help} error={error} inline>
        <input
          id={ids.inputId}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(field.key, event.target.checked)}
          {...aria}
        />
      </FormField>
    );
  }

  if (field.type === 'list' && field.options?.length) {
    return (
      <MultiChoiceField
        field={field}
        idPrefix={idPrefix}
        value={text}
        help={help}
        error={error}
        onChange={onChange}
      />
    );
  }

  if (field.secret) {
    const mode = secretMode ?? 'new';
    if (mode === 'keep') {
      return (
        <FormField
          ids={ids}
          label={field.label}
          required={field.required}
          help={help}
          error={error}
          aside={<Badge tone="ok">set</Badge>}
        >
          <div className="secret-kept">
            <span className="cell__muted" id={ids.inputId}>
              A value is stored (write-only: it is never shown).
            </span>
            <Button
              size="sm"
              onClick={() => onSecretModeChange?.(field.key, 'change')}
              aria-label={`Change ${field.label}`}
            >
              Change
            </Button>
          </div>
        </FormField>
      );
    }
    return (
      <FormField
        ids={ids}
        label={field.label}
        required={field.required}
        help={
          mode === 'change'
            ? `${help} Enter a new value${field.required ? '' : ', or leave empty to remove the stored one'}.`
            : help
        }
        error={error}
        aside={mode === 'change' ? <Badge tone="warn">changing</Badge> : <Badge>write-only</Badge>}
      >
        <div className="secret-input">
          {/* After "Change", the new input takes the focus (it replaces the button's neighbour). */}
          <input
            id={ids.inputId}
            type="password"
            autoComplete="new-password"
            value={text}
            onChange={handleText}
            placeholder={field.example}
            autoFocus={mode === 'change'}
            {...aria}
          />
          {mode === 'change' && (
            <Button
              size="sm"
              onClick={() => {
                onChange(field.key, '');
                onSecretModeChange?.(field.key, 'keep');
              }}
            >
              Keep current
            </Button>
          )}
        </div>
      </FormField>
    );
  }

  const fallback = defaultText(field);
  let control;
  if (field.type === 'enum' && field.options) {
    control = (
      <select id={ids.inputId} value={text} onChange={handleText} {...aria}>
        {(!field.required || !fallback) && (
          <option value="">
            {fallback ? `Default (${fallback})` : field.required ? 'Choose…' : 'None'}
          </option>
        )}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (isTemplateField(field)) {
    control = (
      <textarea
        id={ids.inputId}
        rows={3}
        value={text}
        onChange={handleText}
        spellCheck={false}
        {...aria}
      />
    );
  } else {
    const inputType = field.type === 'number' ? 'number' : field.type === 'url' ? 'url' : 'text';
    control = (
      <input
        id={ids.inputId}
        type={inputType}
        inputMode={field.type === 'number' ? 'numeric' : undefined}
        value={text}
        onChange={handleText}
        placeholder={field.example ? `e.g. ${field.example}` : undefined}
        autoComplete="off"
        spellCheck={false}
        {...aria}
      />
    );
  }
  return (
    <FormField ids={ids} label={field.label} required={field.required} help={help} error={error}>
      {control}
    </FormField>
  );
}

type MultiChoiceFieldProps = {
  field: TriggerField;
  idPrefix: string;
  value: string;
  help: string;
  error?: string;
  onChange: (key: string, value: string) => void;
};

/** A list field with known options (e.g. events): one checkbox per option. */
function MultiChoiceField({
  field,
  idPrefix,
  value,
  help,
  error,
  onChange,
}: MultiChoiceFieldProps) {
  const selected = new Set(splitList(value));
  const ids = fieldIds(`${idPrefix}-${field.key}`);
  const handleToggle = (option: string, checked: boolean) => {
    const next = (field.options ?? []).filter((item) =>
      item === option ? checked : selected.has(item),
    );
    onChange(field.key, next.join(','));
  };
  return (
    <fieldset
      className={`field field--group${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy(ids, Boolean(help), Boolean(error))}
    >
      <legend className="field__label">
        {field.label}
        {field.required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      <div className="choice-list">
        {(field.options ?? []).map((option) => {
          const id = `${ids.inputId}-${option}`;
          return (
            <label key={option} htmlFor={id} className="choice">
              <input
                id={id}
                type="checkbox"
                checked={selected.has(option)}
                onChange={(event) => handleToggle(option, event.target.checked)}
              />
              {option}
            </label>
          );
        })}
      </div>
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
    </fieldset>
  );
}
