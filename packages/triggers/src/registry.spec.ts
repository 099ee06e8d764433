import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { COMMON_TRIGGER_KEYS, DEFAULT_BODY, DEFAULT_TITLE } from './common.schema';
import { describeSchema } from './schema/describe-schema';
import {
  createTrigger,
  isTriggerTypeName,
  maskSecrets,
  parseTriggerConfig,
  triggerConfigSchema,
  triggerTypes,
  TRIGGER_TYPE_NAMES,
  TriggerConfigError,
  type TriggerTypeName,
} from './registry';
import * as publicApi from './index';

describe('trigger type registry', () => {
  it('registers every provider under its own name', () => {
    expect(TRIGGER_TYPE_NAMES).toEqual([
      'webhook',
      'email',
      'sms',
      'slack',
      'discord',
      'telegram',
      'ntfy',
      'gotify',
      'mqtt',
      'command',
    ]);
    for (const name of TRIGGER_TYPE_NAMES) expect(triggerTypes[name].type).toBe(name);
    expect(isTriggerTypeName('webhook')).toBe(true);
    expect(isTriggerTypeName('toString')).toBe(false);
    expect(isTriggerTypeName('http')).toBe(false);
  });

  describe.each(TRIGGER_TYPE_NAMES)('%s', (name: TriggerTypeName) => {
    const type = triggerTypes[name];
    const keys = Object.keys(type.schema.shape);

    it('does not reuse a common key, and its secret keys exist', () => {
      expect(
        keys.filter((key) => (COMMON_TRIGGER_KEYS as readonly string[]).includes(key)),
      ).toEqual([]);
      for (const key of type.secretKeys) expect(keys).toContain(key);
      for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    });

    it('describes every field with help text', () => {
      const fields = describeSchema(type, { includeCommon: true });
      expect(fields.map((field) => field.key)).toEqual([...keys, ...COMMON_TRIGGER_KEYS]);
      for (const field of fields) {
        expect(field.help.length).toBeGreaterThan(10);
        expect(field.env).toBe(field.key.toUpperCase());
        expect(() => JSON.stringify(field)).not.toThrow();
      }
    });

    it('has a README with a row per config key', () => {
      const readme = join(__dirname, 'providers', name, 'README.md');
      expect(existsSync(readme)).toBe(true);
      const text = readFileSync(readme, 'utf8');
      const rows = text.split('\n').filter((line) => line.startsWith('| `'));
      for (const field of describeSchema(type)) {
        const row = rows.find((line) => line.startsWith(`| \`${field.env}\``));
        expect(row).toBeDefined();
        // Columns: Key | Required | Default | Example | Secret | Description
        const cells = (row ?? '').split(/(?<!\\)\|/).map((cell) => cell.trim());
        expect(cells[2]).toBe(field.required ? 'yes' : 'no');
        expect(cells[5]).toBe(field.secret ? 'secret' : '');
      }
    });
  });
});

describe('describeSchema', () => {
  it('describes the webhook form', () => {
    const fields = Object.fromEntries(
      describeSchema(triggerTypes.webhook).map((field) => [field.key, field]),
    );
    expect(fields.url).toMatchObject({
      type: 'url',
      required: true,
      secret: false,
      label: 'URL',
      example: 'https://hooks.example.com/tidewatch',
    });
    expect(fields.method).toMatchObject({
      type: 'enum',
      options: ['POST', 'GET'],
      default: 'POST',
      required: false,
    });
    expect(fields.auth_type).toMatchObject({
      type: 'enum',
      options: ['basic', 'bearer'],
      required: false,
      label: 'Auth type',
    });
    expect(fields.auth_type).not.toHaveProperty('default');
    expect(fields.auth_password).toMatchObject({ type: 'string', secret: true, required: false });
    expect(fields.timeout).toMatchObject({ type: 'number', default: 10000 });
    expect(fields.format).toMatchObject({
      type: 'enum',
      options: ['json', 'cloudevents'],
      default: 'json',
    });
  });

  it('describes lists, booleans and templates', () => {
    const email = Object.fromEntries(
      describeSchema(triggerTypes.email, { includeCommon: true }).map((field) => [
        field.key,
        field,
      ]),
    );
    expect(email.to).toMatchObject({ type: 'email-list', required: true });
    expect(email.from).toMatchObject({ type: 'string', required: true });
    expect(email.tls_enabled).toMatchObject({
      type: 'boolean',
      default: false,
      label: 'TLS enabled',
    });
    expect(email.pass).toMatchObject({ secret: true });
    expect(email.events).toMatchObject({
      type: 'list',
      options: [
        'update-available',
        'update-applied',
        'update-failed',
        'rolled-back',
        'check-error',
      ],
      default: ['update-available'],
      group: 'common',
    });
    expect(email.title).toMatchObject({
      type: 'string',
      format: 'template',
      default: DEFAULT_TITLE,
    });
    expect(email.threshold).toMatchObject({
      type: 'enum',
      options: ['all', 'major', 'minor', 'patch'],
      default: 'all',
    });
    expect(email.once).toMatchObject({ type: 'boolean', default: true });
  });
});

describe('parseTriggerConfig', () => {
  it('splits env-style strings into common options and provider config', () => {
    const parsed = parseTriggerConfig('webhook', {
      url: 'http://127.0.0.1:9/h',
      auth_type: 'BEARER',
      auth_bearer: 't',
      mode: 'BATCH',
      once: 'false',
      events: 'update-available, update-failed',
      timeout: '500',
    });
    expect(parsed.common).toMatchObject({
      mode: 'batch',
      once: false,
      auto: true,
      threshold: 'all',
      events: ['update-available', 'update-failed'],
      title: DEFAULT_TITLE,
      body: DEFAULT_BODY,
    });
    expect(parsed.config).toMatchObject({
      url: 'http://127.0.0.1:9/h',
      auth_type: 'bearer',
      timeout: 500,
      method: 'POST',
    });
    expect(parsed.config).not.toHaveProperty('mode');
  });

  it('names every bad key, including unknown ones', () => {
    let error: unknown;
    try {
      parseTriggerConfig('webhook', {
        threshold: 'huge',
        urll: 'http://x',
        title: 'Hi ${container.name',
        events: 'update-available,reboot',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TriggerConfigError);
    const issues = (error as TriggerConfigError).issues;
    expect(issues.map((issue) => issue.env).sort()).toEqual([
      'EVENTS_1',
      'THRESHOLD',
      'TITLE',
      'URL',
      'URLL',
    ]);
    expect(issues.find((issue) => issue.env === 'URLL')?.message).toBe('unknown setting');
    expect(issues.find((issue) => issue.env === 'TITLE')?.message).toMatch(
      /invalid template: Unclosed "\$\{" at line 1, column 4/,
    );
    expect((error as Error).message).toMatch(/^Invalid webhook trigger configuration: /);
  });

  it('keeps object-level rules in the merged schema', () => {
    const schema = triggerConfigSchema(triggerTypes.webhook);
    expect(schema.safeParse({ url: 'http://x/h', auth_type: 'basic' }).success).toBe(false);
    expect(
      schema.safeParse({
        url: 'http://x/h',
        auth_type: 'basic',
        auth_user: 'u',
        auth_password: 'p',
      }).success,
    ).toBe(true);
    expect(schema).toBeInstanceOf(z.ZodObject);
  });

  it('creates a provider and masks secrets for the API', () => {
    const created = createTrigger('gotify', { url: 'http://127.0.0.1:1', token: 'secret-token' });
    expect(typeof created.provider.notify).toBe('function');
    expect(
      maskSecrets(triggerTypes.gotify, {
        url: 'http://127.0.0.1:1',
        token: 'secret-token',
        priority: 5,
      }),
    ).toEqual({ url: 'http://127.0.0.1:1', token: '****', priority: 5 });
    expect(maskSecrets(triggerTypes.webhook, { url: 'u', secret: '' })).toEqual({ url: 'u' });
  });
});

describe('public API', () => {
  it('exports the pieces the server uses', () => {
    for (const name of [
      'triggerTypes',
      'commonTriggerSchema',
      'compileTemplate',
      'renderNotification',
      'renderBatchNotification',
      'describeSchema',
      'flatten',
      'redact',
      'TriggerDeliveryError',
      'TemplateError',
      'parseTriggerConfig',
      'sampleTriggerEvent',
    ]) {
      expect(publicApi).toHaveProperty(name);
    }
  });
});
