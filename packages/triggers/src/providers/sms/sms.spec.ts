import {
  startHttpReceiver,
  type HttpReceiver,
  type RecordedRequest,
} from '../../testing/http-receiver';
import { testContext } from '../../testing/test-context';
import { sampleTriggerEvent } from '../../sample-event';
import { TriggerDeliveryError } from '../../errors';
import { fitSms, isGsm7 } from './sms-segments';
import { smsSchema } from './sms.schema';
import { smsTriggerType } from './sms.trigger';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-0123456789';

async function failure(promise: Promise<unknown>): Promise<TriggerDeliveryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TriggerDeliveryError) return error;
    throw error;
  }
  throw new Error('expected a TriggerDeliveryError');
}

describe('SMS segments', () => {
  it.each([
    ['a'.repeat(160), 1, 'GSM-7', 1, false],
    ['a'.repeat(161), 2, 'GSM-7', 2, false],
    ['a'.repeat(306), 2, 'GSM-7', 2, false],
    ['a'.repeat(307), 2, 'GSM-7', 2, true],
    ['a'.repeat(500), 3, 'GSM-7', 3, true],
    ['a'.repeat(200), 1, 'GSM-7', 1, true],
    ['é'.repeat(160), 1, 'GSM-7', 1, false],
    ['{'.repeat(80), 1, 'GSM-7', 1, false], // extension characters cost two septets
    ['{'.repeat(81), 1, 'GSM-7', 1, true],
    ['ç'.repeat(70), 1, 'UCS-2', 1, false], // ç (lower case) is not in GSM-7
    ['ç'.repeat(71), 2, 'UCS-2', 2, false],
    ['ç'.repeat(200), 2, 'UCS-2', 2, true],
    ['🚀'.repeat(50), 1, 'UCS-2', 1, true],
  ] as const)('%#: fits %s…', (text, max, encoding, segments, truncated) => {
    const fitted = fitSms(text, max);
    expect(fitted).toMatchObject({ encoding, segments, truncated });
    expect(fitted.segments).toBeLessThanOrEqual(max);
    if (truncated) expect(fitted.text.endsWith(encoding === 'GSM-7' ? '...' : '…')).toBe(true);
    else expect(fitted.text).toBe(text);
  });

  it('never splits an emoji', () => {
    const fitted = fitSms('🚀'.repeat(50), 1);
    expect(fitted.units).toBeLessThanOrEqual(70);
    expect(fitted.text).toBe(`${'🚀'.repeat(34)}…`);
  });

  it('knows the GSM-7 alphabet', () => {
    expect(isGsm7('Container nginx: 1.25.3 -> 1.27.0 @ £5 {x}')).toBe(true);
    expect(isGsm7('naïve')).toBe(false);
  });
});

describe('sms schema', () => {
  it.each([
    [{ accountsid: SID, from: '+15005550006', to: '+41791234567' }, 'authtoken'],
    [{ accountsid: 'XX1', authtoken: 't', from: '+1', to: '+41791234567' }, 'accountsid'],
    [{ accountsid: SID, authtoken: 't', from: '+15005550006', to: '0791234567' }, 'to'],
    [
      {
        accountsid: SID,
        authtoken: 't',
        from: '+15005550006',
        to: '+41791234567',
        max_segments: '4',
      },
      'max_segments',
    ],
    [
      {
        accountsid: SID,
        authtoken: 't',
        from: '+15005550006',
        to: '+41791234567',
        provider: 'nexmo',
      },
      'provider',
    ],
    [{ accountsid: SID, apikey: 'SK1', from: '+15005550006', to: '+41791234567' }, 'apisecret'],
    [
      { accountsid: SID, authtoken: 't', from: '+15005550006', to: '+41791234567', url: 'ftp://x' },
      'url',
    ],
  ])('rejects %j at %s', (raw, key) => {
    const result = smsSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(key);
  });
});

describe('sms trigger (local Twilio-shaped API)', () => {
  let api: HttpReceiver;

  const twilio = (request: RecordedRequest) => {
    const form = new URLSearchParams(request.text);
    return {
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sid: `SM${form.get('To')?.slice(1)}`, status: 'queued' }),
    };
  };

  beforeEach(async () => {
    api = await startHttpReceiver(twilio);
  });
  afterEach(() => api.close());

  const config = (extra: Record<string, string> = {}) =>
    smsSchema.parse({
      accountsid: SID,
      authtoken: TOKEN,
      from: '+15005550006',
      to: '+41791234567, +33612345678',
      url: api.url,
      ...extra,
    });

  it('posts one form-encoded message per recipient with basic auth', async () => {
    const trigger = smsTriggerType.create(config());
    const outcome = await trigger.notify(
      sampleTriggerEvent(),
      testContext({ title: 'New tag for nginx', body: 'nginx 1.25.3 -> 1.27.0' }),
    );

    expect(api.requests).toHaveLength(2);
    for (const request of api.requests) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(request.headers.authorization).toBe(
        `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
      );
    }
    const forms = api.requests.map((request) =>
      Object.fromEntries(new URLSearchParams(request.text)),
    );
    expect(forms).toEqual([
      {
        To: '+41791234567',
        From: '+15005550006',
        Body: 'New tag for nginx\nnginx 1.25.3 -> 1.27.0',
      },
      {
        To: '+33612345678',
        From: '+15005550006',
        Body: 'New tag for nginx\nnginx 1.25.3 -> 1.27.0',
      },
    ]);
    expect(outcome.summary).toBe(
      `POST ${api.url}/2010-04-01/Accounts/${SID}/Messages.json → 201 ×2 (1 segment)`,
    );
    expect(outcome.details).toMatchObject({
      sent: [
        { to: '+41791234567', sid: 'SM41791234567', status: 'queued' },
        { to: '+33612345678' },
      ],
    });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('authenticates with an API key and uses a Messaging Service SID as sender', async () => {
    const messagingService = 'MG0123456789abcdef0123456789abcdef';
    const trigger = smsTriggerType.create(
      smsSchema.parse({
        accountsid: SID,
        apikey: 'SKkey',
        apisecret: 'key-secret',
        from: messagingService,
        to: '+41791234567',
        url: api.url,
      }),
    );
    await trigger.notify(sampleTriggerEvent(), testContext());
    const [request] = api.requests;
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('SKkey:key-secret').toString('base64')}`,
    );
    expect(request.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    const form = new URLSearchParams(request.text);
    expect(form.get('MessagingServiceSid')).toBe(messagingService);
    expect(form.has('From')).toBe(false);
  });

  it('cuts long messages to the configured number of segments', async () => {
    const trigger = smsTriggerType.create(config({ to: '+41791234567', max_segments: '1' }));
    const outcome = await trigger.notify(
      sampleTriggerEvent(),
      testContext({ title: 'Title', body: 'x'.repeat(400) }),
    );
    const body = new URLSearchParams(api.requests[0].text).get('Body') ?? '';
    expect(body).toHaveLength(160);
    expect(body.endsWith('...')).toBe(true);
    expect(body.startsWith('Title\nxxx')).toBe(true);
    expect(outcome.summary).toContain('(1 segment, truncated)');
  });

  it('on a partial failure, retries only the recipients that did not get the message', async () => {
    let failFrance = true;
    api.reply((request) => {
      const to = new URLSearchParams(request.text).get('To');
      if (to === '+33612345678' && failFrance)
        return {
          status: 503,
          body: JSON.stringify({ code: 20503, message: 'Service unavailable' }),
        };
      return twilio(request);
    });
    const trigger = smsTriggerType.create(config());
    const event = sampleTriggerEvent();
    const error = await failure(trigger.notify(event, testContext()));
    expect(error).toMatchObject({ retryable: true, status: 503 });
    expect(error.message).toContain('SMS failed for 1 of 2 recipient(s) (1 delivered)');
    expect(error.details).toMatchObject({
      sent: [{ to: '+41791234567' }],
      failed: [{ to: '+33612345678', status: 503 }],
    });

    failFrance = false;
    const outcome = await trigger.notify(event, testContext());
    const recipients = api.requests.map((request) => new URLSearchParams(request.text).get('To'));
    expect(recipients).toEqual(['+41791234567', '+33612345678', '+33612345678']);
    expect(outcome.details).toMatchObject({
      skipped: ['+41791234567'],
      sent: [{ to: '+33612345678' }],
    });
  });

  it('maps a rejected number (400) to a non-retryable error and hides the token', async () => {
    api.reply(() => ({
      status: 400,
      body: JSON.stringify({ code: 21211, message: `Invalid 'To' Phone Number (token ${TOKEN})` }),
    }));
    const error = await failure(
      smsTriggerType
        .create(config({ to: '+41791234567' }))
        .notify(sampleTriggerEvent(), testContext()),
    );
    expect(error).toMatchObject({ retryable: false, status: 400 });
    expect(error.message).toContain("Invalid 'To' Phone Number");
    expect(error.message).not.toContain(TOKEN);
  });
});
