import { z } from 'zod';
import {
  booleanField,
  defaultedString,
  integerField,
  optionalString,
  requiredUrl,
} from '../../schema/fields';

export const mqttSchema = z.object({
  url: requiredUrl({
    schemes: ['mqtt', 'mqtts', 'tcp', 'tls', 'ws', 'wss'],
    help: 'Broker URL: mqtt:// (tcp://), mqtts:// (tls://), ws:// or wss://.',
    example: 'mqtt://mosquitto:1883',
  }),
  user: optionalString({ help: 'Broker user name.' }),
  password: optionalString({ help: 'Broker password.' }),
  clientid: optionalString({
    help: 'MQTT client ID (default: tidewatch_<random>).',
    example: 'tidewatch',
    max: 128,
  }),
  topic: defaultedString('tidewatch/container', {
    help: 'Base topic; each container is published (retained) at {topic}/{watcher}/{name}.',
    max: 200,
  }).refine((value) => !/[+#\0]/.test(value) && !value.startsWith('/') && !value.endsWith('/'), {
    error: 'must not contain + or # nor start or end with /',
  }),
  hass_enabled: booleanField(false, {
    help: 'Home Assistant integration: publish a status sensor and, with HASS_DISCOVERY, update entities.',
  }),
  hass_prefix: defaultedString('homeassistant', {
    help: 'Home Assistant discovery prefix.',
    max: 100,
  }),
  hass_discovery: booleanField(true, {
    help: 'Publish Home Assistant MQTT discovery messages (update entity per container) when HASS_ENABLED.',
  }),
  hass_deviceid: defaultedString('tidewatch', {
    help: 'Identifier of the Home Assistant device the entities belong to (one per watcher: {id}_{watcher}).',
    max: 100,
  }),
  hass_devicename: defaultedString('Tidewatch', {
    help: 'Name of that device (per watcher: "{name} ({watcher})").',
    max: 100,
  }),
  tls_cachain: optionalString({
    help: 'Path of a CA certificate file (PEM) to trust for mqtts/wss.',
    example: '/certs/ca.pem',
  }),
  tls_clientcert: optionalString({ help: 'Path of a client certificate file (PEM).' }),
  tls_clientkey: optionalString({ help: 'Path of the client key file (PEM).' }),
  tls_rejectunauthorized: booleanField(true, { help: "Verify the broker's certificate." }),
  timeout: integerField(10000, {
    help: 'Milliseconds allowed to connect and to get each publish acknowledged.',
    min: 100,
    max: 120000,
  }),
});

export type MqttConfig = z.infer<typeof mqttSchema>;
