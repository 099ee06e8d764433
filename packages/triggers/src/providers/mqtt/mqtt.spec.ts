import { sampleContainer } from '../../sample-event';
import { flatten } from '../../flatten';
import { mqttSchema } from './mqtt.schema';
import {
  containerStateTopic,
  hassDiscoveryTopic,
  hassEntityId,
  hassIcon,
  hassUpdateDiscovery,
  HASS_LATEST_VERSION_TEMPLATE,
} from './mqtt-topics';

describe('mqtt topics and Home Assistant discovery', () => {
  it.each([
    ['tidewatch/container', 'local', 'nginx', 'tidewatch/container/local/nginx'],
    ['wud/container', 'local', 'my.app', 'wud/container/local/my-app'],
    ['t', 'remote', 'a+b#c', 't/remote/a_b_c'],
  ])('state topic of %s %s/%s', (base, watcher, name, expected) => {
    expect(containerStateTopic(base, { watcher, name })).toBe(expected);
  });

  it('derives the entity id and discovery topic like WUD', () => {
    expect(hassEntityId('tidewatch/container/local/nginx')).toBe('tidewatch_container_local_nginx');
    expect(hassDiscoveryTopic('homeassistant', 'update', 'tidewatch/container/local/nginx')).toBe(
      'homeassistant/update/tidewatch_container_local_nginx/config',
    );
  });

  it('builds the update entity payload', () => {
    const payload = hassUpdateDiscovery(sampleContainer(), 'tidewatch/container/local/nginx', {
      deviceId: 'tidewatch',
      deviceName: 'Tidewatch',
      appVersion: '1.2.3',
    });
    expect(payload).toEqual({
      unique_id: 'tidewatch_container_local_nginx',
      default_entity_id: 'update.tidewatch_container_local_nginx',
      name: 'nginx',
      title: 'nginx',
      device: {
        identifiers: ['tidewatch_local'],
        manufacturer: 'Tidewatch',
        model: 'Watcher local',
        name: 'Tidewatch (local)',
        sw_version: '1.2.3',
      },
      icon: 'mdi:docker',
      state_topic: 'tidewatch/container/local/nginx',
      force_update: true,
      value_template: '{{ value_json.image_tag_value }}',
      latest_version_topic: 'tidewatch/container/local/nginx',
      latest_version_template: HASS_LATEST_VERSION_TEMPLATE,
      release_url: 'https://github.com/nginx/nginx/releases/tag/release-1.27.0',
      json_attributes_topic: 'tidewatch/container/local/nginx',
    });
    expect(HASS_LATEST_VERSION_TEMPLATE).toContain('value_json.result_digest[:15]');
    expect(
      hassUpdateDiscovery(sampleContainer({ result: null }), 't/local/nginx', {
        deviceId: 'd',
        deviceName: 'D',
        appVersion: undefined,
      }),
    ).not.toHaveProperty('release_url');
  });

  it.each([
    ['mdi:docker', 'mdi:docker'],
    ['mdi-database', 'mdi:database'],
    ['si:nginx', 'mdi:docker'],
    ['', 'mdi:docker'],
  ])('icon %s → %s', (icon, expected) => {
    expect(hassIcon(icon)).toBe(expected);
  });

  it('publishes the fields the templates read', () => {
    const flat = flatten(sampleContainer());
    expect(flat).toMatchObject({
      image_tag_value: '1.25.3',
      result_tag: '1.27.0',
      update_kind_kind: 'tag',
      update_kind_remote_value: '1.27.0',
    });
  });

  it('validates the config', () => {
    expect(mqttSchema.parse({ url: 'mqtt://127.0.0.1:1883' })).toMatchObject({
      topic: 'tidewatch/container',
      hass_enabled: false,
      hass_prefix: 'homeassistant',
      hass_discovery: true,
    });
    expect(mqttSchema.safeParse({ url: 'http://broker' }).success).toBe(false);
    expect(mqttSchema.safeParse({ url: 'mqtt://b', topic: 'a/#' }).success).toBe(false);
    expect(
      mqttSchema.safeParse({ url: 'wss://b/mqtt', hass_enabled: 'TRUE' }).data?.hass_enabled,
    ).toBe(true);
  });
});
