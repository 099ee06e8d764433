import { z } from 'zod';
import { basicCredentials } from '../../credentials';
import { defineProvider, field } from '../../registry-provider';

export const lscrProvider = defineProvider({
  type: 'lscr',
  description: 'LinuxServer.io registry (lscr.io, a gateway in front of GHCR)',
  anonymousDefault: true,
  schema: z.object({
    username: field.text('GitHub username').optional(),
    token: field
      .secret('GitHub personal access token with read:packages (optional: public images need none)')
      .optional(),
  }),
  define(_name, config) {
    return {
      url: 'https://lscr.io/v2',
      match: (host) => (host === 'lscr.io' ? 'exact' : undefined),
      origin: () => 'https://lscr.io',
      defaultHost: 'lscr.io',
      // The challenge points at ghcr.io's token endpoint; following it generically just works.
      credentials: basicCredentials(config.username ?? 'tidewatch', config.token),
    };
  },
});
