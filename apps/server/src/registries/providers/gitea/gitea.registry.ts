import { z } from 'zod';
import {
  defineProvider,
  exactHost,
  field,
  loginCredentials,
  originOf,
} from '../../registry-provider';

export const giteaProvider = defineProvider({
  type: 'gitea',
  description: 'Gitea, Forgejo or Codeberg container registry',
  schema: z.object({
    url: field.url('Instance URL, e.g. https://codeberg.org'),
    login: field.text('Username').optional(),
    password: field.secret('Password or access token with package read access').optional(),
    token: field.secret('Access token, used as the password').optional(),
    auth: field.secret('base64(login:password)').optional(),
  }),
  define(name, config) {
    const origin = originOf('gitea', name, 'url', config.url, false);
    return {
      url: `${origin.origin}/v2`,
      match: exactHost(origin.host),
      origin: () => origin.origin,
      defaultHost: origin.host,
      // The challenge offers Bearer and Basic; with credentials Basic is used directly.
      credentials: loginCredentials('gitea', name, config),
    };
  },
});
