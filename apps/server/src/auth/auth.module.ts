import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '../common/secret-box';
import type { TidewatchConfig } from '../config/config';
import { ApiTokenEntity, AuditLogEntity, LoginAttemptEntity, SessionEntity, UserEntity } from '../database/entities';
import { ApiTokensService } from './api-tokens.service';
import { AuditInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';
import { AuthBootstrapService } from './auth-bootstrap.service';
import { AuthController, WudOidcCallbackController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthStore } from './auth.store';
import { AUTH_CONFIG, AUTH_SERVER_INFO } from './auth.tokens';
import { LoginThrottleService } from './login-throttle.service';
import { OidcClientRepository } from './oidc-client.repository';
import { OidcService } from './oidc.service';
import { SessionsService } from './sessions.service';
import { AuditController, UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Authentication, authorization and the audit log. Registers the guard on every route of the
 * app (APP_GUARD, see route-policy.ts) and the audit interceptor (APP_INTERCEPTOR).
 */
@Module({})
export class AuthModule {
  static forRoot(config: TidewatchConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, ApiTokenEntity, LoginAttemptEntity, AuditLogEntity])],
      controllers: [AuthController, WudOidcCallbackController, UsersController, AuditController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config.auth },
        { provide: AUTH_SERVER_INFO, useValue: { publicUrl: config.publicUrl, host: config.server.host, port: config.server.port } },
        { provide: SecretBox, useFactory: () => SecretBox.fromConfig(config.secretKey, config.dataDir) },
        AuthStore,
        UsersService,
        SessionsService,
        ApiTokensService,
        LoginThrottleService,
        AuthService,
        AuditService,
        OidcClientRepository,
        OidcService,
        AuthBootstrapService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
      ],
      exports: [AuditService],
    };
  }
}
