import {
  Controller,
  Get,
  Header,
  Headers,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';
import { ConfigService } from '../config/config.service';
import { metricsAccess } from './metrics-access';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: ConfigService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiHeader({
    name: 'Authorization',
    required: false,
    description: 'Bearer <TIDEWATCH_METRICS_TOKEN> (unless TIDEWATCH_METRICS_AUTH=false)',
  })
  @ApiOkResponse({ description: 'Prometheus exposition format.', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ type: ErrorDto })
  @ApiNotFoundResponse({
    type: ErrorDto,
    description: 'Metrics are disabled (TIDEWATCH_METRICS_ENABLED=false).',
  })
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    switch (metricsAccess(this.config.get().metrics, authorization)) {
      case 'allowed':
        return this.metrics.scrape();
      case 'disabled':
        throw new NotFoundException('Metrics are disabled (TIDEWATCH_METRICS_ENABLED=false)');
      case 'no-token-configured':
        throw new UnauthorizedException(
          'Set TIDEWATCH_METRICS_TOKEN and scrape with Authorization: Bearer <token>, or set TIDEWATCH_METRICS_AUTH=false',
        );
      case 'unauthorized':
        throw new UnauthorizedException(
          'A valid Authorization: Bearer <TIDEWATCH_METRICS_TOKEN> header is required',
        );
    }
  }
}
