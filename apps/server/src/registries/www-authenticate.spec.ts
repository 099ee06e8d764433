import { AuthChallenge, parseWwwAuthenticate } from './www-authenticate';

describe('parseWwwAuthenticate', () => {
  const cases: Array<[string, string, AuthChallenge[]]> = [
    [
      'Docker Hub bearer',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull',
          },
        },
      ],
    ],
    [
      'quoted comma in scope',
      'Bearer realm="https://auth.example/token",service="reg",scope="repository:samalba/my-app:pull,push"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.example/token',
            service: 'reg',
            scope: 'repository:samalba/my-app:pull,push',
          },
        },
      ],
    ],
    [
      'Codeberg: Bearer and Basic in one header',
      'Bearer realm="https://codeberg.org/v2/token",service="container_registry",scope="*",Basic realm="https://codeberg.org/v2",service="container_registry",scope="*"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://codeberg.org/v2/token',
            service: 'container_registry',
            scope: '*',
          },
        },
        {
          scheme: 'basic',
          params: { realm: 'https://codeberg.org/v2', service: 'container_registry', scope: '*' },
        },
      ],
    ],
    [
      'htpasswd basic',
      'Basic realm="Registry Realm"',
      [{ scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ],
    [
      'ECR basic with service',
      'Basic realm="https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/",service="ecr.amazonaws.com"',
      [
        {
          scheme: 'basic',
          params: {
            realm: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/',
            service: 'ecr.amazonaws.com',
          },
        },
      ],
    ],
    [
      'scheme is case-insensitive',
      'BEARER Realm="r"',
      [{ scheme: 'bearer', params: { realm: 'r' } }],
    ],
    [
      'unquoted token values',
      'Bearer realm=https://a/token, service=svc',
      [{ scheme: 'bearer', params: { realm: 'https://a/token', service: 'svc' } }],
    ],
    [
      'spaces around = and ,',
      'Bearer realm = "r" ,  service = "s"',
      [{ scheme: 'bearer', params: { realm: 'r', service: 's' } }],
    ],
    [
      'escaped quote',
      'Basic realm="say \\"hi\\""',
      [{ scheme: 'basic', params: { realm: 'say "hi"' } }],
    ],
    ['escaped backslash', 'Basic realm="a\\\\b"', [{ scheme: 'basic', params: { realm: 'a\\b' } }]],
    [
      'equals inside a quoted value',
      'Bearer realm="https://a/t?x=1&y=2"',
      [{ scheme: 'bearer', params: { realm: 'https://a/t?x=1&y=2' } }],
    ],
    [
      'first duplicate wins',
      'Basic realm="one", realm="two"',
      [{ scheme: 'basic', params: { realm: 'one' } }],
    ],
    ['scheme without params', 'Basic', [{ scheme: 'basic', params: {} }]],
    [
      'schemes without params separated by commas',
      'Negotiate, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    [
      'token68',
      'Negotiate YIIBeAYGKwYBBQUCoIIBbDCCAWig==, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {}, token68: 'YIIBeAYGKwYBBQUCoIIBbDCCAWig==' },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    [
      'bearer error parameters',
      'Bearer realm="r",error="invalid_token",error_description="The access token expired"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'r',
            error: 'invalid_token',
            error_description: 'The access token expired',
          },
        },
      ],
    ],
    [
      'leading and doubled commas',
      ' , Basic realm="a",, Bearer realm="b"',
      [
        { scheme: 'basic', params: { realm: 'a' } },
        { scheme: 'bearer', params: { realm: 'b' } },
      ],
    ],
    [
      'unterminated quote keeps the rest',
      'Basic realm="abc',
      [{ scheme: 'basic', params: { realm: 'abc' } }],
    ],
    ['empty header', '', []],
    ['whitespace only', '   ', []],
  ];

  it.each(cases)('%s', (_name, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  it('merges several header lines', () => {
    expect(
      parseWwwAuthenticate(['Basic realm="a"', 'Bearer realm="b"']).map((c) => c.scheme),
    ).toEqual(['basic', 'bearer']);
  });

  it('returns nothing when the header is absent', () => {
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
  });
});
