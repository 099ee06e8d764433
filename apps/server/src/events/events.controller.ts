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
    const on = <K extends keyof ContainerEvents>(name: K, toEvent: (...args: ContainerEvents[K]) => MessageEvent | null) =>
      new Observable<MessageEvent>((subscriber) => {
        const listener = (...args: ContainerEvents[K]) => {
          const event = toEvent(...args);
          if (event) subscriber.next(event);
        };
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EventEmitter's typed overloads do not accept a generic key
        this.events.on(name as any, listener as any);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return () => this.events.off(name as any, listener as any);
      });
    return merge(
      on('changed', (containers) => ({ type: 'containers', data: { ids: containers.map((c) => c.id) } })),
      on('updated', (checked) => ({ type: 'containers', data: { ids: checked.map((c) => c.id) } })),
      on('removed', (ids) => ({ type: 'removed', data: { ids } })),
      on('history', (run) => ({ type: 'history', data: run })),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'heartbeat', data: { at: new Date().toISOString() } }))),
    );
  }
}
