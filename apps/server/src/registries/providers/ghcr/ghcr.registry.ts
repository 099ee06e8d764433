import { z } from 'zod';
import { basicCredentials } from '../../credentials';
import { defineProvider, field } from '../../registry-provider';

export const ghcrProvider = defineProvider({
  type: 'ghcr',
  description: 'GitHub Container Registry (ghcr.io)',
  anonymousDefault: true,
  schema: z.object({
    username: field
      .text('GitHub username (any value works with a personal access token)')
      .optional(),
    token: field.secret('Personal access token with read:packages').optional(),
  }),
  define(_name, config) {
    return {
      url: 'https://ghcr.io/v2',
      match: (host) => (host === 'ghcr.io' ? 'exact' : undefined),
      origin: () => 'https://ghcr.io',
      defaultHost: 'ghcr.io',
      // Sent as Basic to the token endpoint (https://ghcr.io/token) from the challenge.
      credentials: basicCredentials(config.username ?? 'tidewatch', config.token),
    };
  },
});
