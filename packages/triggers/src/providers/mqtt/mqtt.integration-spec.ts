import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as netConnect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { connectAsync, type MqttClient } from 'mqtt';
import { recordingLogger, testContext } from '../../testing/test-context';
import { sampleContainer, sampleTriggerEvent } from '../../sample-event';
import { TriggerDeliveryError } from '../../errors';
import { mqttSchema } from './mqtt.schema';
import { mqttTriggerType } from './mqtt.trigger';
import { HASS_LATEST_VERSION_TEMPLATE } from './mqtt-topics';

const MOSQUITTO = '/usr/sbin/mosquitto';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = netConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`mosquitto did not listen on ${port}`);
}

interface Broker {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A real mosquitto on a free loopback port, anonymous or with one user. */
async function startBroker(user?: { name: string; password: string }): Promise<Broker> {
  const dir = mkdtempSync(join(tmpdir(), 'tidewatch-mosquitto-'));
  // Started as root, mosquitto drops to its own user: it must be able to read the files.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const lines = [
    `listener ${port} 127.0.0.1`,
    'persistence false',
    `allow_anonymous ${user ? 'false' : 'true'}`,
    'log_dest stderr',
    'log_type error',
  ];
  if (user) {
    const passwords = join(dir, 'passwd');
    writeFileSync(passwords, '');
    execFileSync('mosquitto_passwd', ['-b', passwords, user.name, user.password]);
    chmodSync(passwords, 0o644);
    lines.push(`password_file ${passwords}`);
  }
  writeFileSync(join(dir, 'mosquitto.conf'), `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', join(dir, 'mosquitto.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  try {
    await waitForPort(port, Date.now() + 5000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}: ${stderr}`);
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Subscribes and collects retained messages for a moment. */
async function retained(
  url: string,
  filter: string,
  options: { username?: string; password?: string } = {},
): Promise<Map<string, string>> {
  const client: MqttClient = await connectAsync(url, { ...options, reconnectPeriod: 0 });
  const messages = new Map<string, string>();
  client.on('message', (topic, payload, packet) => {
    if (packet.retain) messages.set(topic, payload.toString('utf8'));
  });
  await client.subscribeAsync(filter, { qos: 1 });
  await new Promise((resolve) => setTimeout(resolve, 150));
  await client.endAsync();
  return messages;
}

describe('mqtt trigger (real mosquitto)', () => {
  let broker: Broker;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(() => broker.stop());

  it('publishes retained flattened state and Home Assistant discovery', async () => {
    const logger = recordingLogger();
    const trigger = mqttTriggerType.create(
      mqttSchema.parse({ url: broker.url, hass_enabled: 'true', clientid: 'tw-test-1' }),
      { appVersion: '9.9.9', logger },
    );
    const outcome = await trigger.notify(sampleTriggerEvent(), testContext());
    expect(outcome.summary).toBe(`MQTT ${broker.url} → tidewatch/container/local/nginx (retained)`);

    const state = await retained(broker.url, 'tidewatch/#');
    const payload = JSON.parse(state.get('tidewatch/container/local/nginx') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({
      id: sampleContainer().id,
      name: 'nginx',
      watcher: 'local',
      image_tag_value: '1.25.3',
      image_registry_name: 'hub.public',
      result_tag: '1.27.0',
      update_available: true,
      update_kind_kind: 'tag',
      update_kind_local_value: '1.25.3',
      update_kind_remote_value: '1.27.0',
      update_kind_semver_diff: 'minor',
      labels_com_docker_compose_project: 'web',
    });
    expect(state.get('tidewatch/container/status')).toBe('online');

    const discovery = await retained(broker.url, 'homeassistant/#');
    const config = JSON.parse(
      discovery.get('homeassistant/update/tidewatch_container_local_nginx/config') ?? '{}',
    ) as Record<string, unknown>;
    expect(config).toMatchObject({
      unique_id: 'tidewatch_container_local_nginx',
      name: 'nginx',
      state_topic: 'tidewatch/container/local/nginx',
      value_template: '{{ value_json.image_tag_value }}',
      latest_version_topic: 'tidewatch/container/local/nginx',
      latest_version_template: HASS_LATEST_VERSION_TEMPLATE,
      release_url: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
      json_attributes_topic: 'tidewatch/container/local/nginx',
      device: { identifiers: ['tidewatch_local'], name: 'Tidewatch (local)', sw_version: '9.9.9' },
    });
    expect(
      JSON.parse(
        discovery.get('homeassistant/binary_sensor/tidewatch_container_status/config') ?? '{}',
      ),
    ).toMatchObject({
      device_class: 'connectivity',
      state_topic: 'tidewatch/container/status',
    });

    // Same connection for the next deliveries; an update replaces the retained state.
    const updated = sampleContainer({
      image: { ...sampleContainer().image, tag: { value: '1.27.0', semver: true } },
      updateAvailable: false,
    });
    await trigger.notifyBatch(
      [
        sampleTriggerEvent('update-applied', { container: updated }),
        sampleTriggerEvent('update-available', { container: sampleContainer({ name: 'redis' }) }),
      ],
      testContext(),
    );
    const after = await retained(broker.url, 'tidewatch/container/local/+');
    expect(JSON.parse(after.get('tidewatch/container/local/nginx') ?? '{}')).toMatchObject({
      image_tag_value: '1.27.0',
      update_available: false,
    });
    expect(after.has('tidewatch/container/local/redis')).toBe(true);
    expect(logger.lines.filter((line) => line.includes('connected to'))).toHaveLength(1);

    await trigger.close?.();
    const status = await retained(broker.url, 'tidewatch/container/status');
    expect(status.get('tidewatch/container/status')).toBe('offline');
  });

  it('does not publish discovery when Home Assistant is off', async () => {
    const trigger = mqttTriggerType.create(
      mqttSchema.parse({ url: broker.url, topic: 'plain/containers' }),
    );
    await trigger.notify(sampleTriggerEvent(), testContext());
    await trigger.close?.();
    const discovery = await retained(
      broker.url,
      'homeassistant/update/plain_containers_local_nginx/config',
    );
    expect(discovery.size).toBe(0);
    expect((await retained(broker.url, 'plain/containers/local/nginx')).size).toBe(1);
  });

  it('fails fast and retryable when the broker is down', async () => {
    const port = await freePort();
    const trigger = mqttTriggerType.create(
      mqttSchema.parse({ url: `mqtt://127.0.0.1:${port}`, timeout: '2000' }),
    );
    const started = Date.now();
    const error: unknown = await trigger
      .notify(sampleTriggerEvent(), testContext())
      .catch((caught: unknown) => caught);
    await trigger.close?.();
    expect(error).toBeInstanceOf(TriggerDeliveryError);
    expect(error).toMatchObject({ retryable: true, code: 'network' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('authenticates, and reports refused credentials as not retryable without the password', async () => {
    const secured = await startBroker({ name: 'tide', password: 'mq-pass-1' });
    try {
      const good = mqttTriggerType.create(
        mqttSchema.parse({ url: secured.url, user: 'tide', password: 'mq-pass-1' }),
      );
      await good.notify(sampleTriggerEvent(), testContext());
      await good.close?.();
      expect(
        (
          await retained(secured.url, 'tidewatch/container/local/nginx', {
            username: 'tide',
            password: 'mq-pass-1',
          })
        ).size,
      ).toBe(1);

      const bad = mqttTriggerType.create(
        mqttSchema.parse({ url: secured.url, user: 'tide', password: 'wrong-pass-2' }),
      );
      const error: unknown = await bad
        .notify(sampleTriggerEvent(), testContext())
        .catch((caught: unknown) => caught);
      await bad.close?.();
      expect(error).toMatchObject({ retryable: false, code: 'rejected' });
      expect((error as Error).message).not.toContain('wrong-pass-2');
    } finally {
      await secured.stop();
    }
  });
});
