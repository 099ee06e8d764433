import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Fields GET /api/containers can sort by. */
export const SORT_FIELDS = ['name', 'watcher', 'status', 'updateAvailable', 'checkedAt', 'image'] as const;

export class RegistryRefDto {
  @ApiProperty({ example: 'hub.public' }) name: string;
  @ApiProperty({ example: 'https://registry-1.docker.io/v2' }) url: string;
}

export class ImageTagDto {
  @ApiProperty({ example: '1.25.3' }) value: string;
  @ApiProperty({ description: 'Whether the tag is version-like (compared by version, not only by digest).' }) semver: boolean;
}

export class ImageDigestDto {
  @ApiProperty({ description: 'Whether the digest of the current tag is watched.' }) watch: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Digest of the running image for its platform.' }) value: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Repository digest the local image was pulled by.' }) repo: string | null;
}

export class ContainerImageDto {
  @ApiProperty({ example: 'sha256:…' }) id: string;
  @ApiProperty({ type: RegistryRefDto }) registry: RegistryRefDto;
  @ApiProperty({ example: 'library/nginx' }) name: string;
  @ApiProperty({ type: ImageTagDto }) tag: ImageTagDto;
  @ApiProperty({ type: ImageDigestDto }) digest: ImageDigestDto;
  @ApiProperty({ type: String, nullable: true, example: 'amd64' }) architecture: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'linux' }) os: string | null;
  @ApiProperty({ type: String, nullable: true }) variant: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) created: string | null;
}

export class ContainerResultDto {
  @ApiProperty({ type: String, nullable: true, example: '1.27.0' }) tag: string | null;
  @ApiProperty({ type: String, nullable: true }) digest: string | null;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) created: string | null;
}

export class ContainerErrorDto {
  @ApiProperty() message: string;
}

export class UpdateKindDto {
  @ApiProperty({ enum: ['tag', 'digest', 'unknown'] }) kind: 'tag' | 'digest' | 'unknown';
  @ApiProperty({ type: String, nullable: true }) localValue: string | null;
  @ApiProperty({ type: String, nullable: true }) remoteValue: string | null;
  @ApiProperty({ enum: ['major', 'minor', 'patch', 'prerelease', 'unknown'], nullable: true })
  semverDiff: 'major' | 'minor' | 'patch' | 'prerelease' | 'unknown' | null;
}

/** A container as WUD's API returns it (field names kept for existing clients), plus additive fields. */
export class ContainerDto {
  @ApiProperty({ description: 'Docker container ID.' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'mdi:docker' }) displayIcon: string;
  @ApiProperty({ example: 'running' }) status: string;
  @ApiProperty({ example: 'local' }) watcher: string;
  @ApiProperty({ type: String, nullable: true }) includeTags: string | null;
  @ApiProperty({ type: String, nullable: true }) excludeTags: string | null;
  @ApiProperty({ type: String, nullable: true }) transformTags: string | null;
  @ApiProperty({ type: String, nullable: true }) linkTemplate: string | null;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: String, nullable: true }) triggerInclude: string | null;
  @ApiProperty({ type: String, nullable: true }) triggerExclude: string | null;
  @ApiProperty({ type: ContainerImageDto }) image: ContainerImageDto;
  @ApiProperty({ type: ContainerResultDto, nullable: true }) result: ContainerResultDto | null;
  @ApiProperty({ type: ContainerErrorDto, nullable: true }) error: ContainerErrorDto | null;
  @ApiProperty() updateAvailable: boolean;
  @ApiProperty({ type: UpdateKindDto, nullable: true }) updateKind: UpdateKindDto | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) labels: Record<string, string>;
  @ApiProperty({ description: 'Stable identity that survives recreation (compose project/service or watcher/name).' }) identity: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the container was last checked against its registry.' })
  checkedAt: string | null;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ContainerQueryDto {
  @ApiPropertyOptional({ description: 'Only containers of this watcher.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'watcher must be a watcher name (lower-case letters, digits, dashes)' })
  watcher?: string;

  @ApiPropertyOptional({ description: 'Only containers with (true) or without (false) an available update.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'updateAvailable must be true or false' })
  updateAvailable?: boolean;

  @ApiPropertyOptional({ description: 'Only containers in this state (running, exited, …).' })
  @IsOptional()
  @IsIn(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'], { message: 'status must be a Docker container state' })
  status?: string;

  @ApiPropertyOptional({ description: 'Only containers whose image comes from this registry (instance name, e.g. hub.public).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  registry?: string;

  @ApiPropertyOptional({ description: 'Only the container with this name.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  name?: string;

  @ApiPropertyOptional({ enum: SORT_FIELDS.flatMap((field) => [field, `-${field}`]), description: 'Sort by a field (prefix - for descending). Default: watcher, then name.' })
  @IsOptional()
  @IsIn(SORT_FIELDS.flatMap((field) => [field, `-${field}`]), { message: `sort must be one of ${SORT_FIELDS.join(', ')} (prefix - for descending)` })
  sort?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Skip this many containers (the response stays a bare array; X-Total-Count carries the total).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be at least 0' })
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'Return at most this many containers.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(10000, { message: 'limit must be at most 10000' })
  limit?: number;
}

export class ContainerIdParam {
  @ApiProperty({ description: 'Docker container ID (full 64-hex form or a unique prefix of at least 12).' })
  @Matches(/^[a-f0-9]{12,64}$/, { message: 'id must be a Docker container ID (12 to 64 lower-case hex characters)' })
  id: string;
}

export class DecisionEntryDto {
  @ApiProperty() tag: string;
  @ApiProperty({ enum: ['candidate', 'dropped'] }) verdict: string;
  @ApiProperty({ description: 'Rule that decided: excluded, not-included, not-version, signature, different-shape, prerelease, not-newer, current, …' }) reason: string;
  @ApiPropertyOptional() detail?: string;
}

export class DigestDecisionDto {
  @ApiProperty() watched: boolean;
  @ApiProperty({ type: String, nullable: true }) local: string | null;
  @ApiProperty({ type: String, nullable: true }) remote: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) upToDate: boolean | null;
}

/** Why the last check decided what it did. */
export class DecisionDto {
  @ApiProperty() containerId: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) checkedAt: string | null;
  @ApiProperty({ description: 'False until the container has been checked.' }) checked: boolean;
  @ApiProperty({ type: String, nullable: true }) currentTag: string | null;
  @ApiProperty({ type: String, nullable: true }) transformedCurrent: string | null;
  @ApiProperty({ description: 'Whether the tag is version-like and compared with other tags.' }) tracked: boolean;
  @ApiProperty({ type: String, nullable: true }) candidate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the candidate won, or why there is none.' }) reason: string | null;
  @ApiProperty() totalTags: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) droppedByReason: Record<string, number>;
  @ApiProperty({ type: [DecisionEntryDto], description: 'Candidates first, then a sample of dropped tags.' }) considered: DecisionEntryDto[];
  @ApiProperty({ type: DigestDecisionDto, nullable: true }) digest: DigestDecisionDto | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}
