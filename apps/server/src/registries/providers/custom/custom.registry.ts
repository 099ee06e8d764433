import { z } from 'zod';
import { staticCredentials } from '../../credentials';
import { isLoopbackHost } from '../../registry-client';
import {
  defineProvider,
  exactHost,
  field,
  invalidKey,
  isTrue,
  loginCredentials,
  originOf,
} from '../../registry-provider';

export const customProvider = defineProvider({
  type: 'custom',
  description: 'Any OCI / Docker Registry v2 (distribution, Harbor, Nexus, Artifactory…)',
  schema: z.object({
    url: field.url('Registry URL, e.g. https://registry.example.com:5000'),
    login: field.text('Username for Basic auth').optional(),
    password: field.secret('Password for Basic auth').optional(),
    auth: field.secret('base64(login:password), instead of LOGIN/PASSWORD').optional(),
    token: field.secret('Bearer token sent as is (no challenge is followed)').optional(),
    insecure: field
      .boolean('Allow plain http:// (loopback registries are always allowed)')
      .optional(),
  }),
  define(name, config) {
    const host = safeHost(config.url);
    const insecure = isTrue(config.insecure);
    const origin = originOf(
      'custom',
      name,
      'url',
      config.url,
      insecure || (host !== undefined && isLoopbackHost(host)),
    );
    if (
      config.token !== undefined &&
      (config.login !== undefined || config.password !== undefined || config.auth !== undefined)
    ) {
      throw invalidKey('custom', name, 'token', 'cannot be combined with LOGIN/PASSWORD/AUTH');
    }
    return {
      url: `${origin.origin}/v2`,
      match: exactHost(origin.host),
      origin: () => origin.origin,
      defaultHost: origin.host,
      credentials:
        config.token !== undefined
          ? staticCredentials({ kind: 'bearer', token: config.token })
          : loginCredentials('custom', name, config),
      insecure,
    };
  },
});

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
