import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, interval, map, merge } from 'rxjs';
import { ContainerEventsService, type ContainerEvents } from '../containers/container-events.service';

const HEARTBEAT_MS = 20_000;

/**
 * Server-Sent Events for the dashboard: `containers` (ids added, changed or checked), `removed`,
 * `history` (a trigger ran) and a heartbeat. Clients re-fetch what changed through the REST API.
 */
@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: ContainerEventsService) {}

  @Sse()
  @ApiOperation({ summary: 'Live changes (Server-Sent Events): containers, removed, history, heartbeat.' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream; each event carries JSON data.' })
  stream(): Observable<MessageEvent> {
    const on = <K extends keyof ContainerEvents>(name: K, toEvent: (...args: ContainerEvents[K]) => MessageEvent) =>
      new Observable<MessageEvent>((subscriber) => this.events.subscribe(name, (...args) => subscriber.next(toEvent(...args))));
    return merge(
      on('changed', (containers) => ({ type: 'containers', data: { ids: containers.map((c) => c.id) } })),
      on('updated', (checked) => ({ type: 'containers', data: { ids: checked.map((c) => c.id) } })),
      on('removed', (ids) => ({ type: 'removed', data: { ids } })),
      on('history', (run) => ({ type: 'history', data: run })),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'heartbeat', data: { at: new Date().toISOString() } }))),
    );
  }
}
