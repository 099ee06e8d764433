import { PageQueryDto } from '../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './auth-config';
import { ROLES, type Role } from './roles';

const USERNAME_MESSAGE = 'username must be 1-128 letters, digits or . _ @ + -';
const ROLE_MESSAGE = 'role must be admin, operator or viewer';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'username must be a string' })
  @MinLength(1, { message: 'username must not be empty' })
  @MaxLength(128, { message: 'username must be at most 128 characters' })
  username: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: 'password must be a string' })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  password: string;
}

class NewPasswordFields {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'username must be a string' })
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsString({ message: 'password must be a string' })
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  password: string;
}

export class SetupDto extends NewPasswordFields {
  @ApiProperty({ description: 'The one-time token of the setup link printed in the server log.' })
  @IsString({ message: 'token must be a string' })
  @MaxLength(200, { message: 'token must be at most 200 characters' })
  token: string;
}

export class CreateUserDto extends NewPasswordFields {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role: Role;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: ROLE_MESSAGE })
  role?: Role;

  @ApiPropertyOptional({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description: 'A new password (signs the user out everywhere).',
  })
  @IsOptional()
  @IsString({ message: 'password must be a string' })
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  password?: string;

  @ApiPropertyOptional({
    description: 'A disabled user cannot sign in; their sessions end and API tokens stop working.',
  })
  @IsOptional()
  @IsBoolean({ message: 'disabled must be true or false' })
  disabled?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword must be a string' })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `currentPassword must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  currentPassword: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsString({ message: 'newPassword must be a string' })
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `newPassword must be at most ${MAX_PASSWORD_LENGTH} characters`,
  })
  newPassword: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'homepage widget' })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(128, { message: 'name must be at most 128 characters' })
  name: string;

  @ApiProperty({
    enum: ['read', 'write'],
    description: 'read: GET requests only; write: also changes, up to your role.',
  })
  @IsIn(['read', 'write'], { message: 'scope must be read or write' })
  scope: 'read' | 'write';

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 3650,
    description: 'Days until it expires; null or absent: never.',
  })
  @IsOptional()
  @IsInt({ message: 'expiresInDays must be a whole number' })
  @Min(1, { message: 'expiresInDays must be at least 1' })
  @Max(3650, { message: 'expiresInDays must be at most 3650' })
  expiresInDays?: number | null;
}

export class UuidParam {
  @ApiProperty()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'id must be a UUID',
  })
  id: string;
}

export class ProviderParam {
  @ApiProperty({ example: 'keycloak' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'name must be an OIDC provider name (lower-case letters, digits, dashes)',
  })
  name: string;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: ['session', 'token', 'basic', 'disabled'] }) via:
    'session' | 'token' | 'basic' | 'disabled';
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Sessions: send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE.',
  })
  csrfToken: string | null;
}

export class OidcProviderDto {
  @ApiProperty({ example: 'keycloak' }) name: string;
  @ApiProperty({ example: 'Company SSO' }) label: string;
  @ApiProperty({ example: '/api/auth/oidc/keycloak/login' }) loginUrl: string;
}

export class AuthStatusDto {
  @ApiProperty({ description: 'TIDEWATCH_AUTH_DISABLED=true: no sign-in, everyone is admin.' })
  disabled: boolean;
  @ApiProperty({
    description: 'No user exists yet: create the admin with the setup link from the server log.',
  })
  setupRequired: boolean;
  @ApiProperty({
    type: MeDto,
    nullable: true,
    description: 'The signed-in user of this browser, if any.',
  })
  user: MeDto | null;
  @ApiProperty({ type: [OidcProviderDto] }) oidc: OidcProviderDto[];
}

export class SessionDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'password, setup or oidc:{provider}' }) method: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When it ends if unused (idle timeout), or at the latest (absolute).',
  })
  expiresAt: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ description: 'The session of this request.' }) current: boolean;
}

export class ApiTokenDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'twt_Ab12Cd', description: 'The first characters, to recognise it.' })
  prefix: string;
  @ApiProperty({ enum: ['read', 'write'] }) scope: 'read' | 'write';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    description:
      'The token itself: shown this once, only its hash is kept. Use as Authorization: Bearer <token>.',
  })
  token: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({
    enum: ['local', 'env', 'oidc'],
    description:
      'env: defined by environment variables (read-only); oidc: signs in with a provider.',
  })
  source: 'local' | 'env' | 'oidc';
  @ApiProperty({ type: String, nullable: true }) oidcProvider: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() readOnly: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
}

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Exact user name.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  actor?: string;

  @ApiPropertyOptional({ description: 'Exact action, e.g. "DELETE /api/containers/:id".' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  action?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'User name, or anonymous.' }) actor: string;
  @ApiProperty({ example: 'POST /api/containers/:id/watch' }) action: string;
  @ApiProperty({ type: String, nullable: true, example: 'id=3f2a…' }) target: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'status, via (session, token, basic) and duration.',
  })
  details: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}
