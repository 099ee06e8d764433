import { z } from 'zod';
import { basicCredentials } from '../../credentials';
import { defineProvider, field, invalidKey } from '../../registry-provider';

export const quayProvider = defineProvider({
  type: 'quay',
  description: 'Quay (quay.io)',
  anonymousDefault: true,
  schema: z.object({
    namespace: field.text('Robot account namespace (organisation or user)').optional(),
    account: field.text('Robot account name (without the namespace+ prefix)').optional(),
    token: field.secret('Robot account token').optional(),
  }),
  define(name, config) {
    const set = [config.namespace, config.account, config.token].filter(
      (value) => value !== undefined,
    ).length;
    if (set > 0 && set < 3) {
      const missing =
        config.namespace === undefined
          ? 'namespace'
          : config.account === undefined
            ? 'account'
            : 'token';
      throw invalidKey(
        'quay',
        name,
        missing,
        'is required with NAMESPACE, ACCOUNT and TOKEN (robot account)',
      );
    }
    return {
      url: 'https://quay.io/v2',
      match: (host) => (host === 'quay.io' ? 'exact' : undefined),
      origin: () => 'https://quay.io',
      defaultHost: 'quay.io',
      credentials:
        set === 3
          ? basicCredentials(`${config.namespace}+${config.account}`, config.token)
          : basicCredentials(undefined, undefined),
    };
  },
});
