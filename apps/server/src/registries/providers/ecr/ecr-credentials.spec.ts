import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RegistryClient } from '../../registry-client';
import { RegistryError } from '../../registry-error';
import { FakeRegistry } from '../../testing/fake-registry';
import { EcrCredentials } from './ecr-credentials';

/** The ECR JSON 1.1 API, enough for GetAuthorizationToken. */
async function fakeAws(
  respond: (req: IncomingMessage, body: string) => { status: number; body: unknown },
) {
  const calls: Array<{ target?: string; authorization?: string; contentType?: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({
        target: req.headers['x-amz-target'] as string | undefined,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
      });
      const answer = respond(req, body);
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('EcrCredentials', () => {
  const password = 'ecr-password-from-aws';
  const authorizationToken = Buffer.from(`AWS:${password}`).toString('base64');

  it('gets a token with GetAuthorizationToken once and sends it as Basic', async () => {
    const aws = await fakeAws(() => ({
      status: 200,
      body: {
        authorizationData: [
          {
            authorizationToken,
            expiresAt: Date.now() / 1000 + 12 * 3600,
            proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com',
          },
        ],
      },
    }));
    const registry = await new FakeRegistry({ auth: 'basic', users: { AWS: password } }).start();
    const credentials = new EcrCredentials({
      registryId: 'ecr.test',
      region: 'eu-west-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'aws-secret-key',
      endpoint: aws.endpoint,
    });
    const client = new RegistryClient({ id: 'ecr.test', credentials });
    try {
      registry.pushImage('team/app', 'latest');
      const target = { origin: registry.origin, repository: 'team/app' };
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client.resolveTag(target, i % 2 ? 'latest' : 'latest'),
        ),
      );
      for (let i = 0; i < 5; i++) await client.listTags(target);
      expect(aws.calls).toHaveLength(1);
      expect(aws.calls[0]?.target).toBe(
        'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken',
      );
      expect(aws.calls[0]?.contentType).toBe('application/x-amz-json-1.1');
      expect(aws.calls[0]?.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ecr\/aws4_request/,
      );
      expect(
        registry.requests
          .filter((r) => r.status === 200)
          .every((r) => r.authorization === `Basic ${authorizationToken}`),
      ).toBe(true);
      expect(client.counters()).toEqual(
        expect.arrayContaining([{ kind: 'token', status: '200', count: 1 }]),
      );
    } finally {
      await client.close();
      await registry.close();
      await aws.close();
    }
  });

  it('renews the token shortly before expiresAt', async () => {
    let issued = 0;
    const aws = await fakeAws(() => {
      issued++;
      return {
        status: 200,
        body: { authorizationData: [{ authorizationToken, expiresAt: 2_000_000 + 3600 }] },
      };
    });
    let now = 2_000_000_000; // ms; expiresAt above is 1 h later in seconds
    const credentials = new EcrCredentials({
      registryId: 'ecr.test',
      region: 'eu-west-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      endpoint: aws.endpoint,
      now: () => now,
    });
    const context = { record: () => undefined };
    try {
      expect(await credentials.get(context)).toEqual({ kind: 'basic', username: 'AWS', password });
      now += 50 * 60_000;
      await credentials.get(context);
      expect(issued).toBe(1);
      now += 6 * 60_000; // within 5 minutes of expiry
      await credentials.get(context);
      expect(issued).toBe(2);
    } finally {
      credentials.close();
      await aws.close();
    }
  });

  it('turns an AWS refusal into an unauthorized RegistryError without secrets', async () => {
    const aws = await fakeAws(() => ({
      status: 400,
      body: {
        __type: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      },
    }));
    const credentials = new EcrCredentials({
      registryId: 'ecr.test',
      region: 'eu-west-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'very-secret-key',
      endpoint: aws.endpoint,
    });
    const statuses: string[] = [];
    try {
      const error = await credentials
        .get({ record: (_kind, status) => statuses.push(status) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as RegistryError).code).toBe('unauthorized');
      expect((error as RegistryError).message).toContain(
        'AWS GetAuthorizationToken failed for registry ecr.test: UnrecognizedClientException',
      );
      expect((error as RegistryError).message).not.toContain('very-secret-key');
      expect(statuses).toEqual(['400']);
    } finally {
      credentials.close();
      await aws.close();
    }
  });
});
