import type { DockerRepository } from '../../docker/docker.repository';
import type { DockerRegistryAuth } from '../../docker/docker.types';
import { silentActionLogger, type ActionLogger } from '../common/action-logger';
import type { ContainerUpdater } from '../recreate/container-updater';
import type { UpdateReport } from '../recreate/update-report';
import type { ComposeFileUpdater, ComposeRewrite } from './compose-file-updater';
import type { GitCommitResult } from './compose-git';
import { readServiceImages, type ComposeImageChange } from './compose-image-edit';

export interface ComposeUpdateItem {
  containerId: string;
  /** The new tag to write (`1.1.0`). */
  tag?: string;
  /** The new digest, for an image pinned by digest in the file. */
  digest?: string;
  /** What to pull: `repo@sha256:…` (the exact image checked). Default: the file's new image. */
  targetImage?: string;
  registryAuth?: DockerRegistryAuth;
}

export interface ComposeUpdateRequest {
  /** One or more containers; those of one file are rewritten in one write. */
  items: ComposeUpdateItem[];
  dryRun?: boolean;
}

export interface ComposeServiceResult {
  containerId: string;
  service?: string;
  /** The service's image value before and after (as written in the file). */
  from?: string;
  to?: string;
  report?: UpdateReport;
}

export interface ComposeUpdateReport {
  /** The compose file ('' when it could not be found). */
  file: string;
  /** `partial`: some services updated, the others rolled back (the file keeps only the former). */
  outcome: 'updated' | 'unchanged' | 'partial' | 'rolled-back' | 'failed' | 'dry-run';
  reason?: string;
  services: ComposeServiceResult[];
  backupFile?: string;
  /** Git mode: the commit made after the redeploy succeeded. */
  commit?: GitCommitResult | null;
  /** The file was put back (all of it, or the failed services' part). */
  reverted: boolean;
  /** Dry-run: the file as it would be written. */
  preview?: string;
}

/**
 * The compose trigger's action: rewrite the services' `image:` in the compose file, redeploy each
 * container through the same safe recreate as the docker trigger (its compose labels are kept, so
 * `docker compose ps` still knows it), and revert the file for every service whose redeploy
 * failed. In git mode the commit is made only once the redeploy succeeded, so a failed update
 * leaves no trace in the repository's history (no commit + revert pair).
 */
export class ComposeUpdater {
  constructor(
    private readonly docker: DockerRepository,
    private readonly files: ComposeFileUpdater,
    private readonly updater: ContainerUpdater,
    private readonly logger: ActionLogger = silentActionLogger,
  ) {}

  async update(request: ComposeUpdateRequest): Promise<ComposeUpdateReport[]> {
    const reports: ComposeUpdateReport[] = [];
    const groups = new Map<string, Array<{ item: ComposeUpdateItem; service: string }>>();
    for (const item of request.items) {
      try {
        const container = await this.docker.inspectContainerFull(item.containerId);
        if (!container) throw new Error(`container ${item.containerId} not found`);
        const location = this.files.locate({
          name: container.name,
          image: container.config.Image ?? '',
          labels: container.config.Labels ?? {},
        });
        const group = groups.get(location.file) ?? [];
        group.push({ item, service: location.service });
        groups.set(location.file, group);
      } catch (error) {
        reports.push({
          file: '',
          outcome: 'failed',
          reason: message(error),
          services: [{ containerId: item.containerId }],
          reverted: false,
        });
      }
    }
    for (const [file, group] of groups)
      reports.push(await this.updateFile(file, group, request.dryRun ?? false));
    return reports;
  }

  private async updateFile(
    file: string,
    group: Array<{ item: ComposeUpdateItem; service: string }>,
    dryRun: boolean,
  ): Promise<ComposeUpdateReport> {
    const changes: ComposeImageChange[] = group.map(({ item, service }) => ({
      service,
      tag: item.tag,
      digest: item.digest,
    }));
    const services: ComposeServiceResult[] = group.map(({ item, service }) => ({
      containerId: item.containerId,
      service,
    }));
    let plan: ReturnType<ComposeFileUpdater['plan']>;
    try {
      plan = this.files.plan(file, changes);
    } catch (error) {
      return { file, outcome: 'failed', reason: message(error), services, reverted: false };
    }
    const current = readServiceImages(plan.previous);
    for (const result of services) {
      const edit = plan.edits.find((candidate) => candidate.service === result.service);
      result.from = current[result.service ?? ''] ?? undefined;
      result.to = edit?.to ?? result.from;
    }
    const requests = group.map(({ item }, index) => ({
      containerId: item.containerId,
      targetImage: item.targetImage ?? services[index].to ?? '',
      // What compose itself records as Config.Image: the image value written in the file.
      targetReference: services[index].to ?? '',
      registryAuth: item.registryAuth,
      dryRun,
    }));
    if (dryRun) {
      const reports = await this.updater.updateMany(requests);
      reports.forEach((report, index) => (services[index].report = report));
      return { file, outcome: 'dry-run', services, reverted: false, preview: plan.text };
    }

    let rewrite: ComposeRewrite;
    try {
      rewrite = await this.files.rewrite(file, changes);
    } catch (error) {
      return { file, outcome: 'failed', reason: message(error), services, reverted: false };
    }
    const reports = await this.updater.updateMany(requests);
    reports.forEach((report, index) => (services[index].report = report));
    const succeeded = services.filter((result) =>
      ['updated', 'unchanged'].includes(result.report?.outcome ?? ''),
    );
    const base = {
      file,
      services,
      ...(rewrite.backupFile ? { backupFile: rewrite.backupFile } : {}),
    };

    if (succeeded.length === services.length) {
      const commit = await this.commit(rewrite);
      const unchanged =
        rewrite.edits.length === 0 && reports.every((report) => report.outcome === 'unchanged');
      return { ...base, outcome: unchanged ? 'unchanged' : 'updated', commit, reverted: false };
    }
    const failures = services.filter((result) => !succeeded.includes(result));
    const reason = failures
      .map(
        (result) =>
          `${result.service}: ${result.report?.reason ?? result.report?.outcome ?? 'failed'}`,
      )
      .join('; ');
    const keep = changes.filter((change) =>
      succeeded.some((result) => result.service === change.service),
    );
    let kept: ComposeRewrite;
    try {
      kept = await this.files.revert(rewrite, keep);
    } catch (error) {
      this.logger.error(`could not revert ${file}: ${message(error)}`);
      return {
        ...base,
        outcome: 'failed',
        reason: `${reason}; the file could not be reverted: ${message(error)}`,
        reverted: false,
      };
    }
    if (succeeded.length === 0) {
      const rolledBack = failures.some((result) => result.report?.outcome === 'rolled-back');
      return { ...base, outcome: rolledBack ? 'rolled-back' : 'failed', reason, reverted: true };
    }
    return { ...base, outcome: 'partial', reason, reverted: true, commit: await this.commit(kept) };
  }

  private async commit(rewrite: ComposeRewrite): Promise<GitCommitResult | null> {
    try {
      const result = await this.files.commit(rewrite);
      if (result?.skipped) this.logger.warn(`not committing ${rewrite.file}: ${result.skipped}`);
      if (result?.pushError)
        this.logger.warn(`could not push ${rewrite.file}: ${result.pushError}`);
      return result;
    } catch (error) {
      this.logger.warn(`could not commit ${rewrite.file}: ${message(error)}`);
      return { repository: rewrite.git?.repository ?? '', pushed: false, skipped: message(error) };
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
