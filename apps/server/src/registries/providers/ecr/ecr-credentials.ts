import type { ECRClient } from '@aws-sdk/client-ecr';
import {
  CredentialContext,
  Credentials,
  CredentialSource,
  decodeBasicAuth,
} from '../../credentials';
import { RegistryError } from '../../registry-error';

export interface EcrCredentialOptions {
  registryId: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** AWS API endpoint override (tests, VPC endpoints). */
  endpoint?: string;
  now?: () => number;
}

// Tokens last 12 h; renew a little early so none expires mid-cycle.
const RENEW_BEFORE_MS = 5 * 60_000;
const DEFAULT_LIFETIME_MS = 12 * 60 * 60_000;

/**
 * ECR registry passwords from `GetAuthorizationToken`: the token is base64("AWS:<password>"),
 * sent as Basic, cached until shortly before `expiresAt`; concurrent callers share one call.
 */
export class EcrCredentials implements CredentialSource {
  private cached: { credentials: Credentials; expiresAt: number } | undefined;
  private pending: Promise<Credentials> | undefined;
  private client: ECRClient | undefined;
  private readonly now: () => number;

  constructor(private readonly options: EcrCredentialOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(context: CredentialContext): Promise<Credentials> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.credentials;
    this.pending ??= this.fetch(context).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  close(): void {
    this.client?.destroy();
    this.client = undefined;
  }

  private async fetch(context: CredentialContext): Promise<Credentials> {
    // Loaded on first use: the AWS SDK is large and most installs never talk to ECR.
    const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr');
    const { region, accessKeyId, secretAccessKey, endpoint, registryId } = this.options;
    this.client ??= new ECRClient({
      region,
      ...(endpoint ? { endpoint } : {}),
      // Without keys the SDK's default chain applies (instance role, env, profile).
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    });
    let output;
    try {
      output = await this.client.send(new GetAuthorizationTokenCommand({}));
      context.record('token', String(output.$metadata.httpStatusCode ?? 200));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      context.record('token', status === undefined ? 'error' : String(status));
      const name = error instanceof Error ? error.name : 'Error';
      const detail = error instanceof Error ? error.message.slice(0, 200) : '';
      const code =
        status !== undefined && status >= 400 && status < 500 ? 'unauthorized' : 'unavailable';
      throw new RegistryError(
        code,
        `AWS GetAuthorizationToken failed for registry ${registryId}: ${name}${detail ? ` (${detail})` : ''}`,
        {
          registry: registryId,
          ...(status !== undefined ? { status } : {}),
          cause: error,
        },
      );
    }
    const data = output.authorizationData?.[0];
    const decoded = data?.authorizationToken ? decodeBasicAuth(data.authorizationToken) : undefined;
    if (!decoded) {
      throw new RegistryError(
        'bad-response',
        `AWS GetAuthorizationToken returned no usable token for registry ${registryId}`,
        { registry: registryId },
      );
    }
    const expiresAt =
      data?.expiresAt instanceof Date ? data.expiresAt.getTime() : this.now() + DEFAULT_LIFETIME_MS;
    const lifetime = expiresAt - this.now();
    const credentials: Credentials = { kind: 'basic', ...decoded };
    this.cached = { credentials, expiresAt: expiresAt - Math.min(RENEW_BEFORE_MS, lifetime / 2) };
    return credentials;
  }
}
