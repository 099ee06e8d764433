import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorDto } from '../common/error.dto';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto, CreateUserDto, UpdateUserDto, UserDto, UuidParam } from './auth.dto';
import { toAuditEntryDto, toUserDto } from './auth.mapper';
import { AuthService } from './auth.service';
import { setAuditContext } from './principal';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every user (admins only).' })
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }

  @Post()
  @ApiOperation({ summary: 'Create a local user (password hashed with argon2id).' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto })
  async create(@Req() request: Request, @Body() body: CreateUserDto): Promise<UserDto> {
    setAuditContext(request, { target: `user=${body.username} role=${body.role}` });
    return toUserDto(await this.users.create(body.username, body.password, body.role));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@Param() { id }: UuidParam): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s role, password or disabled flag. Environment users: 409.' })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto })
  async update(@Req() request: Request, @Param() { id }: UuidParam, @Body() body: UpdateUserDto): Promise<UserDto> {
    const { user, revokeSessions } = await this.users.update(id, body);
    const changed = Object.keys(body).join(',');
    setAuditContext(request, { target: `user=${user.username} changed=${changed}` });
    if (revokeSessions) await this.sessions.revokeAll(user.id);
    this.auth.forgetCachedCredentials();
    return toUserDto(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user with their sessions and API tokens. Environment users: 409.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto })
  async remove(@Req() request: Request, @Param() { id }: UuidParam): Promise<void> {
    const user = await this.users.remove(id);
    setAuditContext(request, { target: `user=${user.username}` });
    this.auth.forgetCachedCredentials();
  }

  @Delete(':id/sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign a user out everywhere.' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async revokeSessions(@Req() request: Request, @Param() { id }: UuidParam): Promise<void> {
    const user = await this.users.get(id);
    setAuditContext(request, { target: `user=${user.username}` });
    await this.sessions.revokeAll(user.id);
  }
}

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (admins only): every state-changing request, sign-ins included.' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const [items, total] = await this.audit.page({ actor: query.actor, action: query.action }, page, limit);
    return { items: items.map(toAuditEntryDto), total, page, limit };
  }
}
