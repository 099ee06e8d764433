import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

/** Name of the cron job that runs a watcher's check cycle. */
export function watcherJobName(watcher: string): string {
  return `watcher:${watcher}`;
}

/** The only user of Nest's SchedulerRegistry: named cron jobs registered from configuration at runtime. */
@Injectable()
export class SchedulerRepository {
  private readonly logger = new Logger(SchedulerRepository.name);

  constructor(private readonly registry: SchedulerRegistry) {}

  /** Runs `task` on `expression`, delayed by up to `jitterMs` each time so many instances do not fire together. */
  addCron(name: string, expression: string, jitterMs: number, task: () => Promise<void>): void {
    this.remove(name);
    const job = CronJob.from({
      cronTime: expression,
      onTick: () => {
        const delay = jitterMs > 0 ? Math.floor(Math.random() * jitterMs) : 0;
        setTimeout(() => {
          task().catch((error: unknown) => this.logger.error(`Scheduled job ${name} failed: ${String(error)}`));
        }, delay).unref();
      },
      start: true,
    });
    this.registry.addCronJob(name, job);
  }

  nextRun(name: string): Date | null {
    if (!this.registry.doesExist('cron', name)) return null;
    const next = this.registry.getCronJob(name).nextDate();
    return next ? next.toJSDate() : null;
  }

  remove(name: string): void {
    if (this.registry.doesExist('cron', name)) {
      void this.registry.getCronJob(name).stop();
      this.registry.deleteCronJob(name);
    }
  }
}
