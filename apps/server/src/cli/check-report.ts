import type { ContainerEntity } from '../database/entities';

/** One line of `tidewatch check`'s output. */
export interface CheckRow {
  name: string;
  /** The watcher (Docker host) the container runs on. */
  host: string;
  image: string;
  current: string;
  candidate: string | null;
  /** `major | minor | patch | prerelease | digest | unknown`, or null without an update. */
  kind: string | null;
  updateAvailable: boolean;
  error: string | null;
}

export interface WatcherOutcome {
  name: string;
  containers: number;
  error: string | null;
}

export interface CheckReport {
  checkedAt: string;
  summary: { containers: number; updates: number; errors: number };
  watchers: WatcherOutcome[];
  containers: CheckRow[];
}

function shortDigest(digest: string | null | undefined): string | null {
  if (!digest) return null;
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}

export function toCheckRow(container: ContainerEntity): CheckRow {
  const { image, updateKind } = container;
  const digestUpdate = updateKind?.kind === 'digest';
  const kind = container.updateAvailable
    ? digestUpdate
      ? 'digest'
      : (updateKind?.semverDiff ?? 'unknown')
    : null;
  const current = digestUpdate
    ? `${image.tag.value}@${shortDigest(updateKind?.localValue ?? image.digest.value) ?? '?'}`
    : image.tag.value;
  let candidate: string | null = null;
  if (container.updateAvailable)
    candidate = digestUpdate
      ? `${image.tag.value}@${shortDigest(updateKind?.remoteValue ?? container.result?.digest) ?? '?'}`
      : (container.result?.tag ?? updateKind?.remoteValue ?? null);
  const repository = image.registryHost ? `${image.registryHost}/${image.name}` : image.reference;
  return {
    name: container.name,
    host: container.watcher,
    image: repository,
    current,
    candidate,
    kind,
    updateAvailable: container.updateAvailable,
    error: container.errorMessage,
  };
}

export function buildCheckReport(
  containers: ContainerEntity[],
  watchers: WatcherOutcome[],
  checkedAt = new Date(),
): CheckReport {
  const rows = containers
    .map(toCheckRow)
    .sort((a, b) => a.host.localeCompare(b.host) || a.name.localeCompare(b.name));
  return {
    checkedAt: checkedAt.toISOString(),
    summary: {
      containers: rows.length,
      updates: rows.filter((row) => row.updateAvailable).length,
      errors:
        rows.filter((row) => row.error).length + watchers.filter((watcher) => watcher.error).length,
    },
    watchers,
    containers: rows,
  };
}

/** Plain-text table for people (and `grep`). */
export function formatCheckTable(report: CheckReport): string {
  const header = ['NAME', 'HOST', 'IMAGE', 'CURRENT', '', 'CANDIDATE', 'KIND'];
  const lines = report.containers.map((row) => {
    if (row.error) return [row.name, row.host, row.image, row.current, '', 'error', '-'];
    if (!row.updateAvailable)
      return [row.name, row.host, row.image, row.current, '', '-', 'up to date'];
    return [
      row.name,
      row.host,
      row.image,
      row.current,
      '→',
      row.candidate ?? '?',
      row.kind ?? 'unknown',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const out = [render(header), ...lines.map(render)];
  const errors = [
    ...report.watchers
      .filter((watcher) => watcher.error)
      .map((watcher) => `watcher ${watcher.name}: ${watcher.error}`),
    ...report.containers
      .filter((row) => row.error)
      .map((row) => `${row.host}/${row.name}: ${row.error}`),
  ];
  if (report.containers.length === 0) out.push('(no watched containers)');
  out.push(
    '',
    `${report.summary.containers} container(s), ${report.summary.updates} update(s), ${report.summary.errors} error(s)`,
  );
  if (errors.length > 0) out.push('', 'Errors:', ...errors.map((error) => `  ${error}`));
  return `${out.join('\n')}\n`;
}

/** 0: fine; 1: updates exist and `--fail-on-update`; 2: something could not be checked. */
export function checkExitCode(report: CheckReport, failOnUpdate: boolean): number {
  if (report.summary.errors > 0) return 2;
  if (failOnUpdate && report.summary.updates > 0) return 1;
  return 0;
}
