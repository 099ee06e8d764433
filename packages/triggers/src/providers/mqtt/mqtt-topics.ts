import type { TriggerContainer } from '../../trigger';

/** Installed version shown by Home Assistant. */
export const HASS_VALUE_TEMPLATE = '{{ value_json.image_tag_value }}';
/** Latest version: the candidate tag, or the first 15 characters of the digest for digest updates (WUD's template). */
export const HASS_LATEST_VERSION_TEMPLATE =
  '{% if value_json.update_kind_kind == "digest" %}{{ value_json.result_digest[:15] }}{% elif value_json.result_tag is defined %}{{ value_json.result_tag }}{% elif value_json.result_digest is defined %}{{ value_json.result_digest[:15] }}{% else %}{{ value_json.image_tag_value }}{% endif %}';

/** A topic level must not contain wildcards or separators. */
function level(value: string): string {
  return value.replace(/[+#/\0]/g, '_');
}

/** `{topic}/{watcher}/{name}`, dots in the name turned into dashes (WUD). */
export function containerStateTopic(
  baseTopic: string,
  container: Pick<TriggerContainer, 'watcher' | 'name'>,
): string {
  return `${baseTopic}/${level(container.watcher)}/${level(container.name).replace(/\./g, '-')}`;
}

/** Entity id derived from a topic: `tidewatch/container/local/nginx` → `tidewatch_container_local_nginx`. */
export function hassEntityId(topic: string): string {
  return topic.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/** `{prefix}/{component}/{entity id}/config` */
export function hassDiscoveryTopic(
  prefix: string,
  component: 'update' | 'binary_sensor' | 'sensor',
  stateTopic: string,
): string {
  return `${prefix}/${component}/${hassEntityId(stateTopic)}/config`;
}

/** Home Assistant accepts Material Design icons; WUD's `mdi-x` spelling is normalised, other packs fall back. */
export function hassIcon(icon: string | null | undefined): string {
  const normalised = (icon ?? '').replace(/^mdi-/, 'mdi:');
  return /^mdi:[a-z0-9-]+$/.test(normalised) ? normalised : 'mdi:docker';
}

export interface HassDevice {
  identifiers: string[];
  manufacturer: string;
  model: string;
  name: string;
  sw_version?: string;
}

export interface HassDeviceOptions {
  deviceId: string;
  deviceName: string;
  appVersion: string | undefined;
}

/** One device per watcher, like WUD 9. */
export function hassDevice(options: HassDeviceOptions, watcher?: string): HassDevice {
  const device: HassDevice = {
    identifiers: [watcher ? `${options.deviceId}_${watcher}` : options.deviceId],
    manufacturer: 'Tidewatch',
    model: watcher ? `Watcher ${watcher}` : 'Tidewatch',
    name: watcher ? `${options.deviceName} (${watcher})` : options.deviceName,
  };
  if (options.appVersion) device.sw_version = options.appVersion;
  return device;
}

/** Discovery payload of a container's `update` entity (WUD's fields). */
export function hassUpdateDiscovery(
  container: TriggerContainer,
  stateTopic: string,
  device: HassDeviceOptions,
): Record<string, unknown> {
  const entityId = hassEntityId(stateTopic);
  const name = container.displayName || container.name;
  const payload: Record<string, unknown> = {
    unique_id: entityId,
    default_entity_id: `update.${entityId}`,
    name,
    title: name,
    device: hassDevice(device, container.watcher),
    icon: hassIcon(container.displayIcon),
    state_topic: stateTopic,
    force_update: true,
    value_template: HASS_VALUE_TEMPLATE,
    latest_version_topic: stateTopic,
    latest_version_template: HASS_LATEST_VERSION_TEMPLATE,
    json_attributes_topic: stateTopic,
  };
  const releaseUrl = container.result?.link;
  if (releaseUrl) payload.release_url = releaseUrl;
  return payload;
}

/** Discovery payload of the connectivity sensor fed by `{topic}/status` (online/offline, last will). */
export function hassStatusDiscovery(
  statusTopic: string,
  device: HassDeviceOptions,
): Record<string, unknown> {
  const entityId = hassEntityId(statusTopic);
  return {
    unique_id: entityId,
    default_entity_id: `binary_sensor.${entityId}`,
    name: 'Connection status',
    device: hassDevice(device),
    icon: 'mdi:docker',
    state_topic: statusTopic,
    device_class: 'connectivity',
    payload_on: 'online',
    payload_off: 'offline',
  };
}
