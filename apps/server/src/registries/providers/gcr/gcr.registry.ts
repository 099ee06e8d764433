import { z } from 'zod';
import { basicCredentials } from '../../credentials';
import { defineProvider, field, invalidKey } from '../../registry-provider';

export const gcrProvider = defineProvider({
  type: 'gcr',
  description:
    'Google Artifact Registry and Container Registry (gcr.io, *.gcr.io, *-docker.pkg.dev)',
  anonymousDefault: true,
  schema: z.object({
    clientemail: field.text('Service account email').optional(),
    privatekey: field.secret('Service account private key (PEM; \\n escapes accepted)').optional(),
    token: field
      .secret(
        'OAuth2 access token (e.g. gcloud auth print-access-token), instead of a service account',
      )
      .optional(),
  }),
  define(name, config) {
    if ((config.clientemail === undefined) !== (config.privatekey === undefined)) {
      throw invalidKey(
        'gcr',
        name,
        config.clientemail === undefined ? 'clientemail' : 'privatekey',
        'is required with CLIENTEMAIL and PRIVATEKEY',
      );
    }
    if (config.token !== undefined && config.clientemail !== undefined)
      throw invalidKey('gcr', name, 'token', 'cannot be combined with CLIENTEMAIL/PRIVATEKEY');
    const credentials =
      config.clientemail !== undefined && config.privatekey !== undefined
        ? basicCredentials(
            '_json_key',
            JSON.stringify({
              type: 'service_account',
              client_email: config.clientemail,
              private_key: config.privatekey.replace(/\\n/g, '\n'),
            }),
          )
        : config.token !== undefined
          ? basicCredentials('oauth2accesstoken', config.token)
          : basicCredentials(undefined, undefined);
    return {
      url: 'https://gcr.io/v2',
      match: (host) => {
        if (host === 'gcr.io') return 'exact';
        return /^[a-z0-9-]+\.gcr\.io$/.test(host) || /^[a-z0-9-]+-docker\.pkg\.dev$/.test(host)
          ? 'pattern'
          : undefined;
      },
      origin: (host) => `https://${host}`,
      defaultHost: 'gcr.io',
      credentials,
    };
  },
});
