import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';
import { HistoryPageDto, HistoryQueryDto, RunIdParam, TriggerRunDto } from './trigger.dto';
import { HistoryService } from './history.service';

@ApiTags('history')
@Controller('api/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Trigger runs, newest first: filter by trigger, container, status, event, time range; paginated.' })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    return this.history.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue the failed delivery of this run again.' })
  @ApiOkResponse({ type: TriggerRunDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  retry(@Param() { id }: RunIdParam): Promise<TriggerRunDto> {
    return this.history.retry(id);
  }
}
