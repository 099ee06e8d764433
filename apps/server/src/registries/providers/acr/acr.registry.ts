import { z } from 'zod';
import { basicCredentials } from '../../credentials';
import { defineProvider, field } from '../../registry-provider';

export const acrProvider = defineProvider({
  type: 'acr',
  description: 'Azure Container Registry (*.azurecr.io)',
  schema: z.object({
    clientid: field.text('Service principal app id, admin user or token name'),
    clientsecret: field.secret('Service principal secret, admin password or token password'),
  }),
  define(_name, config) {
    return {
      url: 'https://<registry>.azurecr.io/v2',
      match: (host) => (/^[a-z0-9-]+\.azurecr\.(?:io|cn|us)$/.test(host) ? 'pattern' : undefined),
      origin: (host) => `https://${host}`,
      // ACR answers with a Bearer challenge; the Basic credentials go to its /oauth2/token.
      credentials: basicCredentials(config.clientid, config.clientsecret),
    };
  },
});
