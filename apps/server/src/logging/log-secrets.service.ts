import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ContainerEventsService } from '../containers/container-events.service';
import { TriggersService } from '../triggers/triggers.service';
import { logRedactor } from './logger';

/**
 * Teaches the log redactor the secrets of triggers stored in the database (made in the UI): at
 * start, and whenever a trigger runs, since a new or edited trigger's first run is where its
 * secrets could reach a log line.
 */
@Injectable()
export class LogSecretsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly learn = () =>
    logRedactor.add(this.triggers.list().flatMap((trigger) => trigger.secrets));

  constructor(
    private readonly triggers: TriggersService,
    private readonly events: ContainerEventsService,
  ) {}

  onApplicationBootstrap(): void {
    this.learn();
    this.events.on('history', this.learn);
  }

  onModuleDestroy(): void {
    this.events.off('history', this.learn);
  }
}
