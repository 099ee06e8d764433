import { BadGatewayException, Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';
import { ContainerIdParam } from '../containers/container.dto';
import { TriggerRunsService } from './trigger-runs.service';
import { ContainerTriggerDto, ContainerTriggerParams, CreateTriggerDto, RunResultDto, TestTriggerDto, TriggerDto, TriggerParams, TriggerTypeDto, UpdateTriggerDto } from './trigger.dto';

@ApiTags('triggers')
@Controller('api')
export class TriggersController {
  constructor(private readonly runs: TriggerRunsService) {}

  @Get('triggers')
  @ApiOperation({ summary: 'Every trigger (environment-defined ones are read-only); secrets masked.' })
  @ApiOkResponse({ type: [TriggerDto] })
  list(): TriggerDto[] {
    return this.runs.list();
  }

  @Get('triggers/types')
  @ApiOperation({ summary: 'Trigger types with the fields of their configuration (drives the UI forms).' })
  @ApiOkResponse({ type: [TriggerTypeDto] })
  types(): TriggerTypeDto[] {
    return this.runs.types();
  }

  @Post('triggers')
  @ApiOperation({ summary: 'Create a trigger (stored in the database, secrets encrypted).' })
  @ApiCreatedResponse({ type: TriggerDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto })
  create(@Body() body: CreateTriggerDto): Promise<TriggerDto> {
    return this.runs.create(body);
  }

  @Get('triggers/:type/:name')
  @ApiOkResponse({ type: TriggerDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  get(@Param() params: TriggerParams): TriggerDto {
    return this.runs.get(params.type, params.name);
  }

  @Put('triggers/:type/:name')
  @ApiOperation({ summary: 'Replace a trigger’s settings (a secret left out keeps its value). Environment-defined triggers: 409.' })
  @ApiOkResponse({ type: TriggerDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto })
  update(@Param() params: TriggerParams, @Body() body: UpdateTriggerDto): Promise<TriggerDto> {
    return this.runs.update(params.type, params.name, body);
  }

  @Delete('triggers/:type/:name')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiConflictResponse({ type: ErrorDto })
  async remove(@Param() params: TriggerParams): Promise<void> {
    await this.runs.remove(params.type, params.name);
  }

  @Post('triggers/:type/:name/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a sample event (or a given container) now and return the outcome.' })
  @ApiOkResponse({ type: RunResultDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  test(@Param() params: TriggerParams, @Body() body: TestTriggerDto): Promise<RunResultDto> {
    return this.runs.test(params.type, params.name, body.containerId);
  }

  @Get('containers/:id/triggers')
  @ApiOperation({ summary: 'Triggers that apply to a container, with its threshold.' })
  @ApiOkResponse({ type: [ContainerTriggerDto] })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  forContainer(@Param() params: ContainerIdParam): Promise<ContainerTriggerDto[]> {
    return this.runs.forContainer(params.id);
  }

  @Post('containers/:id/triggers/:type/:name')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a trigger for a container now (for update triggers, this is the Update button).' })
  @ApiOkResponse({ type: RunResultDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  @ApiBadGatewayResponse({ type: ErrorDto, description: 'The trigger ran and failed; the message says why.' })
  async runForContainer(@Param() params: ContainerTriggerParams): Promise<RunResultDto> {
    const result = await this.runs.runForContainer(params.id, params.type, params.name);
    if (!result.ok) throw new BadGatewayException(result.error ?? 'Trigger failed');
    return result;
  }
}
