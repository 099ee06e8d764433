import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ErrorDto } from '../common/error.dto';
import { WatchersService } from './watchers.service';

export class WatcherDto {
  @ApiProperty({ example: 'docker.local' }) id: string;
  @ApiProperty({ example: 'docker' }) type: string;
  @ApiProperty({ example: 'local' }) name: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Settings, secrets masked.' })
  configuration: Record<string, string | number | boolean | null>;
  @ApiProperty({ description: 'Whether the last contact with the engine succeeded.' }) connected: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastCheck: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextCheck: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() containerCount: number;
}

export class WatcherNameParam {
  @ApiProperty()
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'name must be a watcher name (lower-case letters, digits, dashes)' })
  name: string;
}

@ApiTags('watchers')
@Controller('api/watchers')
export class WatchersController {
  constructor(private readonly watchers: WatchersService) {}

  @Get()
  @ApiOkResponse({ type: [WatcherDto] })
  list(): WatcherDto[] {
    return this.watchers.list();
  }

  @Get('docker/:name')
  @ApiOkResponse({ type: WatcherDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@Param() { name }: WatcherNameParam): WatcherDto {
    return this.watchers.find(name);
  }
}
