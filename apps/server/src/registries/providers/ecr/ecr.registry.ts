import { z } from 'zod';
import { anonymous, staticCredentials } from '../../credentials';
import { defineProvider, field, invalidKey } from '../../registry-provider';
import { EcrCredentials } from './ecr-credentials';

const PRIVATE_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
const PUBLIC_HOST = 'public.ecr.aws';

export const ecrProvider = defineProvider({
  type: 'ecr',
  description:
    'Amazon ECR: private <account>.dkr.ecr.<region>.amazonaws.com (with credentials) or ECR Public (public.ecr.aws)',
  anonymousDefault: true,
  schema: z.object({
    accesskeyid: field
      .text(
        'AWS access key id (omit to use the default AWS credential chain, e.g. an instance role)',
      )
      .optional(),
    secretaccesskey: field.secret('AWS secret access key').optional(),
    region: field.text('AWS region of the private registries, e.g. eu-west-1').optional(),
    endpoint: field.url('AWS ECR API endpoint override (VPC endpoints, tests)').optional(),
  }),
  define(name, config) {
    if ((config.accesskeyid === undefined) !== (config.secretaccesskey === undefined)) {
      throw invalidKey(
        'ecr',
        name,
        config.accesskeyid === undefined ? 'accesskeyid' : 'secretaccesskey',
        'is required with ACCESSKEYID and SECRETACCESSKEY',
      );
    }
    if (config.region === undefined) {
      if (config.accesskeyid !== undefined || config.endpoint !== undefined)
        throw invalidKey('ecr', name, 'region', 'is required for private ECR registries');
      // No region: the anonymous ECR Public instance.
      return {
        url: `https://${PUBLIC_HOST}/v2`,
        match: (host) => (host === PUBLIC_HOST ? 'exact' : undefined),
        origin: () => `https://${PUBLIC_HOST}`,
        defaultHost: PUBLIC_HOST,
        credentials: staticCredentials(anonymous),
      };
    }
    const region = config.region;
    return {
      url: `https://<account>.dkr.ecr.${region}.amazonaws.com/v2`,
      match: (host) => (PRIVATE_HOST.exec(host)?.[2] === region ? 'pattern' : undefined),
      origin: (host) => `https://${host}`,
      credentials: new EcrCredentials({
        registryId: `ecr.${name}`,
        region,
        ...(config.accesskeyid !== undefined ? { accessKeyId: config.accesskeyid } : {}),
        ...(config.secretaccesskey !== undefined
          ? { secretAccessKey: config.secretaccesskey }
          : {}),
        ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
      }),
    };
  },
});
