import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AUTH_CONFIG, AUTH_SERVER_INFO, type AuthServerInfo } from './auth.tokens';
import type { AuthConfig } from './auth-config';
import { AuthService } from './auth.service';
import { UsersService } from './users.service';

/** At start: users from the environment, the loud warning when auth is off, the first-start setup link. */
@Injectable()
export class AuthBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_SERVER_INFO) private readonly server: AuthServerInfo,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.syncEnvironmentUsers();
    if (this.config.disabled) {
      this.logger.warn(
        '!!! AUTHENTICATION IS DISABLED (TIDEWATCH_AUTH_DISABLED=true): anyone who can reach this server controls every watched Docker host. Use it only on a trusted network. !!!',
      );
      return;
    }
    if (await this.users.hasUsers()) return;
    const token = this.auth.issueSetupToken();
    this.logger.warn(
      `No user exists yet. Create the admin within this run, with this one-time link: ${this.baseUrl()}/login?setup=${token} ` +
        '(or set TIDEWATCH_AUTH_ADMIN_USER and TIDEWATCH_AUTH_ADMIN_PASSWORD and restart)',
    );
  }

  private baseUrl(): string {
    if (this.server.publicUrl) return this.server.publicUrl.replace(/\/+$/, '');
    const host = ['0.0.0.0', '::', ''].includes(this.server.host) ? 'localhost' : this.server.host.includes(':') ? `[${this.server.host}]` : this.server.host;
    return `http://${host}:${this.server.port}`;
  }
}
