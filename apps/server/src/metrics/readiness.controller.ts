import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadinessService } from './readiness.service';

export class DatabaseReadinessDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Time the test query took.' }) latencyMs: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class WatcherReadinessDto {
  @ApiProperty() name: string;
  @ApiProperty() connected: boolean;
  @ApiProperty({ type: String, nullable: true }) lastCheck: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
}

export class ReadinessDto {
  @ApiProperty({
    enum: ['ready', 'degraded', 'unavailable'],
    description:
      'unavailable (503): the database does not answer or every watcher failed; degraded: some watchers failed.',
  })
  status: 'ready' | 'degraded' | 'unavailable';
  @ApiProperty({ type: DatabaseReadinessDto }) database: DatabaseReadinessDto;
  @ApiProperty({ type: [WatcherReadinessDto] }) watchers: WatcherReadinessDto[];
}

@ApiTags('health')
@Controller('health')
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    const readiness = await this.readiness.check();
    if (readiness.status === 'unavailable') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return readiness;
  }
}
