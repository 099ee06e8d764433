import { z } from 'zod';
import { defineProvider, field, loginCredentials } from '../../registry-provider';

const API_ORIGIN = 'https://registry-1.docker.io';
// Names Docker accepts for Hub; image references are normalised to docker.io.
const HOSTS = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

export const hubProvider = defineProvider({
  type: 'hub',
  description: 'Docker Hub (docker.io)',
  anonymousDefault: true,
  schema: z.object({
    login: field.text('Docker Hub username').optional(),
    password: field.secret('Password or personal access token').optional(),
    token: field.secret('Personal access token, used as the password').optional(),
    auth: field.secret('base64(login:password), as in ~/.docker/config.json').optional(),
  }),
  define(name, config) {
    return {
      url: `${API_ORIGIN}/v2`,
      match: (host) => (HOSTS.has(host) ? 'exact' : undefined),
      origin: () => API_ORIGIN,
      defaultHost: 'docker.io',
      // Official images live under library/.
      normalizeRepository: (repository) =>
        repository.includes('/') ? repository : `library/${repository}`,
      credentials: loginCredentials('hub', name, config),
    };
  },
});
