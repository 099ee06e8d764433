import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';
import { ContainerDto, ContainerIdParam, ContainerQueryDto, DecisionDto } from './container.dto';
import { toContainerDto, toDecisionDto } from './container.mapper';
import { ContainersService } from './containers.service';

@ApiTags('containers')
@Controller('api/containers')
export class ContainersController {
  constructor(private readonly containers: ContainersService) {}

  @Get()
  @ApiOperation({ summary: 'List watched containers (a bare array, as WUD returns it); optional sort, offset and limit.' })
  @ApiOkResponse({ type: [ContainerDto], headers: { 'X-Total-Count': { description: 'Containers matching the filters, before offset/limit.', schema: { type: 'integer' } } } })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'A filter has a bad value.' })
  async list(@Query() query: ContainerQueryDto, @Res({ passthrough: true }) response: Response): Promise<ContainerDto[]> {
    const containers = await this.containers.list(query);
    response.setHeader('X-Total-Count', String(containers.length));
    const start = query.offset ?? 0;
    return containers.slice(start, query.limit === undefined ? undefined : start + query.limit).map(toContainerDto);
  }

  @Post('watch')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sync every watcher now and return the containers.' })
  @ApiOkResponse({ type: [ContainerDto] })
  async watchAll(): Promise<ContainerDto[]> {
    return (await this.containers.watchAll()).map(toContainerDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One container.' })
  @ApiOkResponse({ type: ContainerDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'The id is not a container ID.' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@Param() { id }: ContainerIdParam): Promise<ContainerDto> {
    return toContainerDto(await this.containers.get(id));
  }

  @Post(':id/watch')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-read one container from its engine and check it against its registry now.' })
  @ApiOkResponse({ type: ContainerDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'The id is not a container ID.' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async watchOne(@Param() { id }: ContainerIdParam): Promise<ContainerDto> {
    return toContainerDto(await this.containers.watchOne(id));
  }

  @Get(':id/decision')
  @ApiOperation({ summary: 'The detection trace of the last check: which tags were considered, which rule dropped each, why the candidate won.' })
  @ApiOkResponse({ type: DecisionDto })
  @ApiBadRequestResponse({ type: ErrorDto, description: 'The id is not a container ID.' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async decision(@Param() { id }: ContainerIdParam): Promise<DecisionDto> {
    return toDecisionDto(await this.containers.get(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a container (the store record only).' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorDto, description: 'The id is not a container ID.' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async remove(@Param() { id }: ContainerIdParam): Promise<void> {
    await this.containers.remove(id);
  }
}
