import { z } from 'zod';
import { basicCredentials } from '../../credentials';
import { defineProvider, exactHost, field, originOf } from '../../registry-provider';

export const gitlabProvider = defineProvider({
  type: 'gitlab',
  description: 'GitLab container registry (registry.gitlab.com or self-managed)',
  schema: z.object({
    url: field.url('Registry URL (default https://registry.gitlab.com)').optional(),
    authurl: field
      .url(
        'GitLab URL issuing registry tokens (its /jwt/auth); default: what the registry challenge says',
      )
      .optional(),
    login: field
      .text('Username (deploy tokens need theirs; personal/project/group tokens accept any)')
      .optional(),
    token: field
      .secret('Token with read_registry (personal, project, group or deploy token)')
      .optional(),
  }),
  define(name, config) {
    const origin = originOf(
      'gitlab',
      name,
      'url',
      config.url ?? 'https://registry.gitlab.com',
      false,
    );
    const tokenRealm = config.authurl
      ? `${originOf('gitlab', name, 'authurl', config.authurl, false).origin}/jwt/auth`
      : undefined;
    return {
      url: `${origin.origin}/v2`,
      match: exactHost(origin.host),
      origin: () => origin.origin,
      defaultHost: origin.host,
      // WUD sends Basic ":token"; GitLab ignores the username for personal/project/group tokens.
      credentials: basicCredentials(config.login ?? '', config.token),
      ...(tokenRealm ? { tokenRealm } : {}),
    };
  },
});
