// Every sender format through the real service: a newer tag is pushed to the shared registry, the
// sender's payload is posted (with its kind of authentication), and the container using that
// repository is checked again and sees the new tag.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  pushTags,
  removeContainer,
  runContainer,
  sharedEnvHandles,
  waitFor,
} from '../../../../test/env';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';
import { ContainersRepository } from '../containers/containers.repository';

const TOKEN = 'integration-webhook-token';

describe('registry webhooks (all formats, real registry)', () => {
  const { engine, registry } = sharedEnvHandles();
  const repository = `itest-webhooks/app-${randomBytes(3).toString('hex')}`;
  const name = `wh-${randomBytes(3).toString('hex')}`;
  let app: INestApplication;
  let url: string;

  const current = async () =>
    (await app.get(ContainersRepository).findAll()).find((container) => container.name === name);

  beforeAll(async () => {
    await pushTags(engine, registry, repository, ['1.0.0']);
    await runContainer(engine, `${registry.host}/${repository}:1.0.0`, {
      name,
      labels: { 'tidewatch.watch': 'true' },
    });
    const config = loadConfig({
      TIDEWATCH_DATA_DIR: mkdtempSync(join(tmpdir(), 'tw-webhooks-')),
      TIDEWATCH_LOG_LEVEL: 'warn',
      TIDEWATCH_AUTH_DISABLED: 'true',
      TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
      TIDEWATCH_WATCHER_LOCAL_WATCHBYDEFAULT: 'false',
      TIDEWATCH_WATCHER_LOCAL_WATCHEVENTS: 'false',
      TIDEWATCH_WATCHER_LOCAL_CRON: '0 0 1 1 *',
      TIDEWATCH_REGISTRY_CUSTOM_SHARED_URL: registry.url,
      TIDEWATCH_REGISTRY_CUSTOM_SHARED_WEBHOOK_TOKEN: TOKEN,
    });
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    url = url.replace('[::1]', '127.0.0.1');
    await waitFor(async () => (await current())?.checkedAt, {
      what: 'the first check',
      timeoutMs: 30_000,
    });
  });

  afterAll(async () => {
    await app?.close();
    await removeContainer(engine, name).catch(() => undefined);
  });

  const bearer = { authorization: `Bearer ${TOKEN}` };
  const signed = (header: string, prefix: string) => (body: string) => ({
    [header]: `${prefix}${createHmac('sha256', TOKEN).update(body).digest('hex')}`,
  });

  const cases: Array<
    [string, (tag: string) => unknown, (body: string) => Record<string, string>, string?]
  > = [
    [
      'distribution',
      (tag) => ({
        events: [
          {
            id: `e-${tag}`,
            action: 'push',
            target: { mediaType: 'application/vnd.oci.image.manifest.v1+json', repository, tag },
            request: { host: registry.host },
          },
        ],
      }),
      () => bearer,
    ],
    [
      'Docker Hub (token in the query)',
      (tag) => ({ push_data: { tag }, repository: { repo_name: repository } }),
      () => ({}),
      `?token=${TOKEN}`,
    ],
    [
      'GitHub (X-Hub-Signature-256)',
      (tag) => ({
        action: 'published',
        registry_package: {
          package_type: 'CONTAINER',
          package_version: {
            container_metadata: { tag: { name: tag } },
            package_url: `${registry.host}/${repository}:${tag}`,
          },
        },
      }),
      signed('x-hub-signature-256', 'sha256='),
    ],
    [
      'Harbor',
      (tag) => ({
        type: 'PUSH_ARTIFACT',
        event_data: {
          resources: [{ tag, resource_url: `${registry.host}/${repository}:${tag}` }],
          repository: { repo_full_name: repository },
        },
      }),
      () => bearer,
    ],
    [
      'Quay (token in the query)',
      (tag) => ({ repository, docker_url: `${registry.host}/${repository}`, updated_tags: [tag] }),
      () => ({}),
      `?token=${TOKEN}`,
    ],
    [
      'Gitea (X-Gitea-Signature)',
      (tag) => ({
        action: 'created',
        package: {
          type: 'container',
          name: repository.split('/')[1],
          version: tag,
          owner: { login: repository.split('/')[0] },
        },
      }),
      signed('x-gitea-signature', ''),
    ],
    [
      'ACR',
      (tag) => ({
        id: `acr-${tag}`,
        action: 'push',
        target: {
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          repository,
          tag,
        },
        request: { host: registry.host },
      }),
      () => bearer,
    ],
    ['generic', (tag) => ({ image: `${registry.host}/${repository}:${tag}` }), () => bearer],
  ];

  it.each(cases.map((entry, index) => [entry[0], index]))(
    '%s: a push re-checks the container',
    async (_format, index) => {
      const [, payload, auth, query = ''] = cases[index];
      const tag = `1.${index + 1}.0`;
      await pushTags(null, registry, repository, [tag]);
      const body = JSON.stringify(payload(tag));
      const response = await fetch(`${url}/api/webhooks/registry/shared${query}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...auth(body) },
      });
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({
        status: 'accepted',
        pushes: [{ repository, tags: [tag], containers: 1 }],
      });
      await waitFor(async () => (await current())?.result?.tag === tag, {
        what: `the container to see ${tag}`,
        timeoutMs: 10_000,
      });
    },
  );
});
