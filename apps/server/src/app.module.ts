import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppController } from './app/app.controller';
import { AuthModule } from './auth/auth.module';
import type { TidewatchConfig } from './config/config';
import { ConfigService } from './config/config.service';
import { ContainerEventsService } from './containers/container-events.service';
import { ContainersController } from './containers/containers.controller';
import { ContainersRepository } from './containers/containers.repository';
import { ContainersService } from './containers/containers.service';
import { dataSourceOptions } from './database/data-source';
import { entities } from './database/entities';
import { DockerRepositoryFactory } from './docker/docker-repository.factory';
import { EventsController } from './events/events.controller';
import { HealthController } from './health/health.controller';
import { RegistriesController } from './registries/registries.controller';
import { RegistriesService, createRegistryResolver } from './registries/registries.service';
import type { RegistryResolver } from './registries/registry-resolver';
import { SchedulerRepository } from './scheduler/scheduler.repository';
import { UpdatesService } from './updates/updates.service';
import { SecretBox } from './common/secret-box';
import { DeliveryService } from './triggers/delivery.service';
import { HistoryController } from './triggers/history.controller';
import { HistoryService } from './triggers/history.service';
import { TriggerDispatcher } from './triggers/trigger-dispatcher.service';
import { TriggerRunsService } from './triggers/trigger-runs.service';
import { TriggersController } from './triggers/triggers.controller';
import { EnvTriggers, type TriggerPlugins, TriggersService, buildTriggerPlugins } from './triggers/triggers.service';
import { TriggerCatalog } from './triggers/trigger-catalog';
import { ActionRunnerRef } from './update-actions/action-trigger-types';
import { DbUpdateJournal } from './update-actions/db-update-journal';
import { UpdateActionsService } from './update-actions/update-actions.service';
import { UpdateJournalEntity } from './database/entities';
import { DataSource } from 'typeorm';
import { WatchersController } from './watchers/watchers.controller';
import { WatchersService } from './watchers/watchers.service';
import type { Logger as PinoLogger } from 'pino';
import { LogSecretsService } from './logging/log-secrets.service';
import { createLogger, loggerModule } from './logging/logger';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService, UpdateOutcomeMetrics } from './metrics/metrics.service';
import { ReadinessController } from './metrics/readiness.controller';
import { ReadinessService } from './metrics/readiness.service';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

export interface AppModuleOptions {
  /** The process logger; by default JSON or text on stdout as configured. */
  logger?: PinoLogger;
  /** No HTTP controllers: CLI commands use the services in an application context. */
  headless?: boolean;
  /** Providers replacing the defaults (listed last, so they win), e.g. the CLI's scheduler. */
  overrides?: Provider[];
}

/** Composition root. The validated configuration is passed in, so a bad one never reaches Nest. */
@Module({})
export class AppModule {
  static forRoot(
    config: TidewatchConfig,
    registries: RegistryResolver = createRegistryResolver(config.registries),
    plugins: TriggerPlugins = buildTriggerPlugins(config.triggers),
    options: AppModuleOptions = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ScheduleModule.forRoot(),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        TypeOrmModule.forFeature(entities),
        loggerModule(options.logger ?? createLogger(config)),
        // Sign-in, the guard on every route, the audit log (not for headless CLI commands).
        ...(options.headless ? [] : [AuthModule.forRoot(config)]),
      ],
      controllers: options.headless
        ? []
        : [AppController, HealthController, ContainersController, WatchersController, RegistriesController, TriggersController, HistoryController, EventsController, MetricsController, ReadinessController, WebhooksController],
      providers: [
        { provide: ConfigService, useValue: new ConfigService(config) },
        { provide: EnvTriggers, useValue: plugins.env },
        { provide: TriggerCatalog, useValue: plugins.catalog },
        { provide: ActionRunnerRef, useValue: plugins.runner },
        { provide: DbUpdateJournal, useFactory: (dataSource: DataSource) => new DbUpdateJournal(dataSource.getRepository(UpdateJournalEntity)), inject: [DataSource] },
        UpdateActionsService,
        { provide: SecretBox, useValue: SecretBox.fromConfig(config.secretKey, config.dataDir) },
        ContainerEventsService,
        DeliveryService,
        HistoryService,
        TriggerDispatcher,
        TriggerRunsService,
        TriggersService,
        ContainersRepository,
        ContainersService,
        DockerRepositoryFactory,
        { provide: RegistriesService, useValue: new RegistriesService(registries) },
        SchedulerRepository,
        UpdatesService,
        WatchersService,
        MetricsService,
        UpdateOutcomeMetrics,
        ReadinessService,
        WebhooksService,
        LogSecretsService,
        ...(options.overrides ?? []),
      ],
    };
  }
}
