import { loadConfig } from '../config/config';
import { configSecrets, secretsFromEnv } from './secrets';

describe('configSecrets', () => {
  const config = loadConfig(
    {
      TIDEWATCH_DATA_DIR: '/tmp/tw-secrets-spec',
      TIDEWATCH_DATABASE_URL: 'postgres://tidewatch:pg%40pass-123@127.0.0.1:5432/tw',
      TIDEWATCH_SECRET_KEY: 'secret-key-0123456789abcdef',
      TIDEWATCH_METRICS_TOKEN: 'metrics-token-0123456789',
      TIDEWATCH_REGISTRY_CUSTOM_LOCAL_URL: 'http://127.0.0.1:5000',
      TIDEWATCH_REGISTRY_CUSTOM_LOCAL_LOGIN: 'robot',
      TIDEWATCH_REGISTRY_CUSTOM_LOCAL_PASSWORD: 'registry-pass-123',
      TIDEWATCH_REGISTRY_CUSTOM_LOCAL_WEBHOOK_TOKEN: 'webhook-token-123',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_URL: 'http://127.0.0.1:9/hook',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_TYPE: 'BASIC',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_USER: 'hook-user',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_PASSWORD: 'hook-pass-123',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_SECRET: 'hmac-secret-123',
      TIDEWATCH_TRIGGER_SLACK_TEAM_URL:
        'https://hooks.slack.example/services/T0/B0/slack-url-secret',
      TIDEWATCH_LOG_LEVEL: 'info',
    },
    '/',
  );
  const secrets = configSecrets(config);

  it.each([
    'pg@pass-123',
    'pg%40pass-123',
    'secret-key-0123456789abcdef',
    'metrics-token-0123456789',
    'registry-pass-123',
    'webhook-token-123',
    'hook-pass-123',
    'hmac-secret-123',
    Buffer.from('robot:registry-pass-123').toString('base64'),
    Buffer.from('hook-user:hook-pass-123').toString('base64'),
  ])('includes %s', (secret) => {
    expect(secrets).toContain(secret);
  });

  it('includes secret URLs of trigger schemas (Slack webhook URL)', () => {
    expect(secrets).toContain('https://hooks.slack.example/services/T0/B0/slack-url-secret');
  });

  it.each(['robot', 'hook-user', 'info', 'BASIC', 'http://127.0.0.1:5000'])(
    'leaves out %s',
    (value) => {
      expect(secrets).not.toContain(value);
    },
  );
});

describe('secretsFromEnv', () => {
  it('picks secret-looking variables and URL passwords, not file paths', () => {
    const values = secretsFromEnv({
      TIDEWATCH_METRICS_TOKEN: 'short',
      WUD_TRIGGER_SMTP_X_PASS: 'mail-pass',
      TIDEWATCH_REGISTRY_HUB_X_PASSWORD__FILE: '/run/secrets/hub',
      TIDEWATCH_DATABASE_URL: 'postgres://u:dbpass@h/x',
      TIDEWATCH_LOG_LEVEL: 'debug',
      OTHER_PASSWORD: 'not-ours',
    });
    expect(values.sort()).toEqual(['dbpass', 'dbpass', 'mail-pass', 'short'].sort());
  });
});
