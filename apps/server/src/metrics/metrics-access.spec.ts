import { metricsAccess } from './metrics-access';

const TOKEN = 'metrics-token-0123456789';

describe('metricsAccess', () => {
  it.each([
    [
      'disabled wins over everything',
      { enabled: false, auth: false },
      `Bearer ${TOKEN}`,
      'disabled',
    ],
    ['auth off: anyone', { enabled: true, auth: false }, undefined, 'allowed'],
    [
      'auth on, no token configured',
      { enabled: true, auth: true },
      `Bearer ${TOKEN}`,
      'no-token-configured',
    ],
    ['right bearer', { enabled: true, auth: true, token: TOKEN }, `Bearer ${TOKEN}`, 'allowed'],
    ['wrong bearer', { enabled: true, auth: true, token: TOKEN }, 'Bearer nope', 'unauthorized'],
    [
      'token with Basic',
      { enabled: true, auth: true, token: TOKEN },
      `Basic ${TOKEN}`,
      'unauthorized',
    ],
    ['no header', { enabled: true, auth: true, token: TOKEN }, undefined, 'unauthorized'],
  ] as const)('%s', (_name, settings, header, expected) => {
    expect(metricsAccess(settings, header)).toBe(expected);
  });
});
