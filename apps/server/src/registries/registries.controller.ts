import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ErrorDto } from '../common/error.dto';
import type { Registry } from './registry';
import { RegistriesService } from './registries.service';

export class RateLimitDto {
  @ApiProperty() limit: number;
  @ApiProperty() remaining: number;
  @ApiPropertyOptional({ description: 'Window length in seconds (Docker Hub: 21600).' }) windowSeconds?: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RequestCountDto {
  @ApiProperty({ example: 'manifest-head' }) kind: string;
  @ApiProperty({ example: '200' }) status: string;
  @ApiProperty() count: number;
}

export class RegistryDto {
  @ApiProperty({ example: 'hub.public' }) id: string;
  @ApiProperty({ example: 'hub' }) type: string;
  @ApiProperty({ example: 'public' }) name: string;
  @ApiProperty({ example: 'https://registry-1.docker.io/v2' }) url: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Settings, secrets masked (ab****yz).' })
  configuration: Record<string, string>;
  @ApiProperty({ type: RateLimitDto, nullable: true, description: 'Last ratelimit-limit / ratelimit-remaining seen.' }) rateLimit: RateLimitDto | null;
  @ApiProperty({ type: [RequestCountDto] }) requests: RequestCountDto[];
}

export class RegistryIdParam {
  @ApiProperty({ example: 'hub.public' })
  @Matches(/^[a-z0-9-]+\.[a-z0-9.:-]+$/, { message: 'id must be a registry id such as hub.public' })
  id: string;
}

function toRegistryDto(registry: Registry): RegistryDto {
  const rate = registry.rateLimit();
  return {
    id: registry.id,
    type: registry.type,
    name: registry.name,
    url: registry.url,
    configuration: registry.maskedConfiguration(),
    rateLimit: rate ? { limit: rate.limit, remaining: rate.remaining, windowSeconds: rate.windowSeconds, updatedAt: rate.updatedAt.toISOString() } : null,
    requests: registry.counters(),
  };
}

@ApiTags('registries')
@Controller('api/registries')
export class RegistriesController {
  constructor(private readonly registries: RegistriesService) {}

  @Get()
  @ApiOkResponse({ type: [RegistryDto] })
  list(): RegistryDto[] {
    return this.registries.list().map(toRegistryDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: RegistryDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@Param() { id }: RegistryIdParam): RegistryDto {
    const registry = this.registries.get(id);
    if (!registry) throw new NotFoundException(`Registry ${id} not found`);
    return toRegistryDto(registry);
  }
}
