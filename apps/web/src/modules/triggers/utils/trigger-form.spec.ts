import { emailType, makeTrigger, webhookType } from '../testing/fixtures';
import {
  defaultText,
  initialSecretModes,
  initialValues,
  keepConfiguration,
  NAME_KEY,
  serverFieldError,
  toConfiguration,
  validateTriggerForm,
} from './trigger-form';

const { fields } = webhookType;

describe('initial values', () => {
  it('starts a new trigger from the defaults (booleans as booleans, lists as text)', () => {
    expect(initialValues(fields)).toEqual({
      url: '',
      method: 'POST',
      auth_type: '',
      secret: '',
      timeout: '10000',
      once: true,
      events: 'update-available',
      title: 'New ${container.updateKind.kind} for ${container.name}',
    });
    expect(initialSecretModes(fields)).toEqual({ secret: 'new' });
  });

  it('starts an edit from the stored values, never from a masked secret', () => {
    const values = initialValues(
      fields,
      makeTrigger({
        configuration: { url: 'http://x/h', secret: 'ab****yz', once: 'false', timeout: '500' },
      }),
    );
    expect(values).toMatchObject({
      url: 'http://x/h',
      secret: '',
      once: false,
      timeout: '500',
      method: 'POST',
    });
    expect(initialSecretModes(fields, makeTrigger())).toEqual({ secret: 'keep' });
    expect(initialSecretModes(fields, makeTrigger({ secretsSet: [] }))).toEqual({ secret: 'new' });
  });

  it('reads defaults of any JSON shape as text', () => {
    expect(defaultText({ default: undefined })).toBe('');
    expect(defaultText({ default: ['a', 'b'] as unknown as string })).toBe('a,b');
    expect(defaultText({ default: true as unknown as string })).toBe('true');
  });
});

describe('validateTriggerForm', () => {
  const valid = { ...initialValues(fields), url: 'https://hooks.example/x' };

  it('accepts a complete form', () => {
    expect(validateTriggerForm(fields, valid, { secret: 'new' }, 'ops')).toEqual({});
  });

  it.each<[string, Record<string, string | boolean>, string | undefined, Record<string, string>]>([
    ['a missing required field', { url: '' }, 'ops', { url: 'URL is required' }],
    [
      'a bad URL',
      { url: 'not a url' },
      'ops',
      { url: 'URL must be a full URL, such as https://hooks.example.com/tidewatch' },
    ],
    ['a non-number', { timeout: 'soon' }, 'ops', { timeout: 'Timeout must be a number' }],
    [
      'an unknown option',
      { method: 'PATCH' },
      'ops',
      { method: 'Method must be one of POST, GET' },
    ],
    [
      'an unknown list item',
      { events: 'update-available,reboot' },
      'ops',
      { events: 'Events: "reboot" is not one of update-available, update-applied, update-failed' },
    ],
    ['a missing name', {}, '', { [NAME_KEY]: 'Name is required' }],
    [
      'a bad name',
      {},
      'Ops Team',
      { [NAME_KEY]: expect.stringContaining('lower-case letters') as string },
    ],
  ])('names %s', (_label, patch, name, expected) => {
    expect(validateTriggerForm(fields, { ...valid, ...patch }, { secret: 'new' }, name)).toEqual(
      expected,
    );
  });

  it('does not ask for a stored secret again, but does for one being changed', () => {
    const values = { host: 'smtp', pass: '', to: 'ops@example.com' };
    expect(validateTriggerForm(emailType.fields, values, { pass: 'keep' })).toEqual({});
    expect(validateTriggerForm(emailType.fields, values, { pass: 'change' })).toEqual({
      pass: 'Pass is required',
    });
  });

  it('checks every address of an email list', () => {
    expect(
      validateTriggerForm(
        emailType.fields,
        { host: 'smtp', pass: 'x', to: 'ops@example.com, nobody' },
        { pass: 'new' },
      ),
    ).toEqual({ to: 'To: "nobody" is not an email address' });
  });
});

describe('toConfiguration', () => {
  it('sends only what differs from the defaults, and new secrets', () => {
    const values = {
      ...initialValues(fields),
      url: ' https://hooks.example/x ',
      secret: 's3cret',
      once: false,
      events: 'update-available, update-failed',
    };
    expect(toConfiguration(fields, values, { secret: 'new' })).toEqual({
      url: 'https://hooks.example/x',
      secret: 's3cret',
      once: 'false',
      events: 'update-available,update-failed',
    });
  });

  it('leaves a kept secret out (the server keeps it) and sends a changed or removed one', () => {
    const values = { ...initialValues(fields), url: 'https://x/h' };
    expect(toConfiguration(fields, values, { secret: 'keep' })).toEqual({ url: 'https://x/h' });
    expect(toConfiguration(fields, { ...values, secret: 'new-one' }, { secret: 'change' })).toEqual(
      { url: 'https://x/h', secret: 'new-one' },
    );
    expect(toConfiguration(fields, values, { secret: 'change' })).toEqual({
      url: 'https://x/h',
      secret: '',
    });
  });

  it('keeps the settings but not the masked secrets when only enabling or disabling', () => {
    expect(keepConfiguration(makeTrigger())).toEqual({ url: 'http://127.0.0.1:9/hook' });
  });
});

describe('serverFieldError', () => {
  it('maps "configuration.KEY: message" to the field', () => {
    expect(serverFieldError('configuration.URL: Invalid URL', fields)).toEqual({
      key: 'url',
      message: 'URL: Invalid URL',
    });
    expect(
      serverFieldError('name must be lower-case letters, digits or dashes (at most 64)', fields),
    ).toEqual({ key: NAME_KEY, message: expect.any(String) });
    expect(serverFieldError('Trigger webhook.ops already exists', fields)).toBeNull();
  });
});
