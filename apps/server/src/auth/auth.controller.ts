import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiExcludeEndpoint, ApiForbiddenResponse, ApiFoundResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorDto } from '../common/error.dto';
import { ApiTokensService } from './api-tokens.service';
import { ApiTokenDto, AuthStatusDto, ChangePasswordDto, CreateApiTokenDto, CreatedApiTokenDto, LoginDto, MeDto, ProviderParam, SessionDto, SetupDto, UuidParam } from './auth.dto';
import { toApiTokenDto, toMeDto, toSessionDto } from './auth.mapper';
import { AuthService } from './auth.service';
import { withRetryAfter } from './login-throttle.service';
import { OidcService } from './oidc.service';
import { type Principal, principalOf, setAuditContext } from './principal';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

function caller(request: Request): Principal {
  const principal = principalOf(request);
  if (!principal) throw new UnauthorizedException('Sign-in required');
  return principal;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
    private readonly oidc: OidcService,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'What the login page needs: setup pending, OIDC providers, and the signed-in user of this browser (public).' })
  @ApiOkResponse({ type: AuthStatusDto })
  async status(@Req() request: Request): Promise<AuthStatusDto> {
    const oidc = this.oidc.providers().map((provider) => ({ ...provider, loginUrl: `/api/auth/oidc/${provider.name}/login` }));
    if (this.auth.disabled) return { disabled: true, setupRequired: false, user: { id: 'auth-disabled', username: 'anonymous', role: 'admin', via: 'disabled', csrfToken: null }, oidc: [] };
    const session = await this.auth.optionalSession(request);
    return { disabled: false, setupRequired: this.auth.setupPending && !(await this.users.hasUsers()), user: session ? toMeDto(session) : null, oidc };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a user name and password: starts a session (http-only cookie) and returns the CSRF token.' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  @ApiTooManyRequestsResponse({ type: ErrorDto, description: 'Too many failed attempts for this user or address; Retry-After says when to try again.' })
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Body() body: LoginDto): Promise<MeDto> {
    setAuditContext(request, { actor: body.username, target: `user=${body.username}` });
    return toMeDto(await withRetryAfter(response, () => this.auth.loginWithPassword(request, response, body.username, body.password)));
  }

  @Post('setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'First start: create the admin with the one-time token from the server log, and sign in.' })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiForbiddenResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'A user exists already.' })
  async setup(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Body() body: SetupDto): Promise<MeDto> {
    setAuditContext(request, { actor: body.username, target: `user=${body.username}` });
    return toMeDto(await withRetryAfter(response, () => this.auth.setup(request, response, body.token, body.username, body.password)));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this browser’s session.' })
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request, response);
  }

  @Get('me')
  @ApiOperation({ summary: 'The caller: user, role, how they authenticated (and the CSRF token of a session).' })
  @ApiOkResponse({ type: MeDto })
  me(@Req() request: Request): MeDto {
    return toMeDto(caller(request));
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password (local users); your other sessions end.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'The current password is wrong.' })
  @ApiConflictResponse({ type: ErrorDto, description: 'The user is defined by the environment or signs in with OIDC.' })
  async changePassword(@Req() request: Request, @Body() body: ChangePasswordDto): Promise<void> {
    const me = caller(request);
    if (!(await this.users.changeOwnPassword(me.userId, body.currentPassword, body.newPassword))) throw new UnauthorizedException('The current password is wrong');
    await this.sessions.revokeAll(me.userId, me.sessionId);
    this.auth.forgetCachedCredentials();
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Your sessions (browsers where you are signed in).' })
  @ApiOkResponse({ type: [SessionDto] })
  async listSessions(@Req() request: Request): Promise<SessionDto[]> {
    const me = caller(request);
    return (await this.sessions.list(me.userId)).map((session) => toSessionDto(session, this.sessions.idleExpiry(session), me.sessionId));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign one of your sessions out.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async revokeSession(@Req() request: Request, @Param() { id }: UuidParam): Promise<void> {
    await this.sessions.revoke(caller(request).userId, id);
  }

  @Get('tokens')
  @ApiOperation({ summary: 'Your API tokens (never the tokens themselves).' })
  @ApiOkResponse({ type: [ApiTokenDto] })
  async listTokens(@Req() request: Request): Promise<ApiTokenDto[]> {
    return (await this.tokens.list(caller(request).userId)).map(toApiTokenDto);
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Create a personal API token (shown once) for Authorization: Bearer.' })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  async createToken(@Req() request: Request, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { token, entity } = await this.tokens.create(caller(request).userId, body.name, body.scope, body.expiresInDays ?? null);
    setAuditContext(request, { target: `token=${entity.id} (${entity.name}, ${entity.scope})` });
    return { ...toApiTokenDto(entity), token };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your API tokens.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async revokeToken(@Req() request: Request, @Param() { id }: UuidParam): Promise<void> {
    await this.tokens.revoke(caller(request).userId, id);
  }

  @Get('oidc/:name/login')
  @ApiOperation({ summary: 'Start signing in with an OIDC provider (redirects to it; ?next=/path to come back to).' })
  @ApiFoundResponse({ description: 'Redirect to the provider.' })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async oidcLogin(@Param() { name }: ProviderParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.oidc.start(name, request, response);
  }

  @Get('oidc/:name/cb')
  @ApiOperation({ summary: 'The OIDC redirect URI: finishes the sign-in and redirects to the app (or to /login?error=…).' })
  @ApiFoundResponse({ description: 'Redirect to the app.' })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async oidcCallback(@Param() { name }: ProviderParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.oidc.callback(name, request, response);
  }
}

/** WUD's callback path (`/auth/oidc/{name}/cb`), so a provider registration made for WUD keeps working. */
@Controller('auth/oidc')
export class WudOidcCallbackController {
  constructor(private readonly oidc: OidcService) {}

  @Get(':name/cb')
  @ApiExcludeEndpoint()
  async callback(@Param() { name }: ProviderParam, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.oidc.callback(name, request, response);
  }
}
