import * as path from 'node:path';
import { splitReference } from '../common/image-reference';
import { ComposeEditError, readContainerNames, readServiceImages } from './compose-image-edit';

/** Container labels that name a compose file. */
export const COMPOSE_LABELS = {
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  /** Explicit file (Tidewatch's label, then WUD's). */
  file: 'tidewatch.compose.file',
  wudFile: 'wud.compose.file',
} as const;

export interface ComposeServiceLocation {
  /** Absolute path of the file whose `image:` is rewritten. */
  file: string;
  service: string;
  project?: string;
}

export interface LocateInput {
  name: string;
  /** The container's `Config.Image`. */
  image: string;
  labels: Record<string, string>;
}

export interface LocateOptions {
  /** The trigger's FILE setting (a container's own label wins over it). */
  file?: string;
  /**
   * Host paths in compose labels seen under another path by Tidewatch (when it runs in a
   * container): `{ from: '/srv/stacks', to: '/stacks' }`.
   */
  pathMappings?: Array<{ from: string; to: string }>;
  readFile: (file: string) => string;
  exists: (file: string) => boolean;
}

/**
 * Finds the compose file and service of a container: an explicit file (label
 * `tidewatch.compose.file` / `wud.compose.file`, else the FILE option) or the files compose
 * recorded in its labels; the service from `com.docker.compose.service`, else the service whose
 * `container_name` is the container's name, else the only service on the same repository.
 * With several config files (overrides), the last one that sets the service's image is the one
 * to edit.
 */
export function locateComposeService(
  container: LocateInput,
  options: LocateOptions,
): ComposeServiceLocation {
  const labels = container.labels;
  const workingDir = labels[COMPOSE_LABELS.workingDir];
  const explicit = labels[COMPOSE_LABELS.file] ?? labels[COMPOSE_LABELS.wudFile] ?? options.file;
  const map = (file: string) =>
    mapPath(
      workingDir && !path.isAbsolute(file) ? path.join(workingDir, file) : file,
      options.pathMappings,
    );
  let files: string[];
  if (explicit) files = [map(explicit)];
  else if (labels[COMPOSE_LABELS.configFiles])
    files = labels[COMPOSE_LABELS.configFiles]
      .split(',')
      .map((file) => map(file.trim()))
      .filter(Boolean);
  else
    throw new ComposeEditError(
      `${container.name} has no compose labels and no compose file is configured (label ${COMPOSE_LABELS.file} or the FILE setting)`,
    );
  const missing = files.filter((file) => !options.exists(file));
  if (missing.length > 0)
    throw new ComposeEditError(
      `compose file ${missing.join(', ')} of ${container.name} not found${options.pathMappings ? '' : ' (running in a container? map the host path)'}`,
    );

  const service =
    labels[COMPOSE_LABELS.service] ?? serviceByName(files, container, options.readFile);
  for (const file of [...files].reverse()) {
    const images = readServiceImages(options.readFile(file));
    if (typeof images[service] === 'string')
      return {
        file,
        service,
        ...(labels[COMPOSE_LABELS.project] ? { project: labels[COMPOSE_LABELS.project] } : {}),
      };
  }
  throw new ComposeEditError(
    `service "${service}" of ${container.name} has no image in ${files.join(', ')}`,
  );
}

function serviceByName(
  files: string[],
  container: LocateInput,
  readFile: (file: string) => string,
): string {
  const wanted = splitReference(container.image).repository;
  const byRepository = new Set<string>();
  for (const file of files) {
    const text = readFile(file);
    for (const [service, name] of Object.entries(readContainerNames(text)))
      if (name === container.name) return service;
    for (const [service, image] of Object.entries(readServiceImages(text))) {
      if (image && splitReference(image).repository === wanted) byRepository.add(service);
    }
  }
  if (byRepository.size === 1) return [...byRepository][0];
  throw new ComposeEditError(
    byRepository.size === 0
      ? `no service of ${files.join(', ')} runs ${container.name} (${container.image})`
      : `several services of ${files.join(', ')} use ${wanted} (${[...byRepository].join(', ')}): set container_name or the ${COMPOSE_LABELS.service} label`,
  );
}

function mapPath(file: string, mappings: LocateOptions['pathMappings']): string {
  for (const mapping of mappings ?? []) {
    const from = mapping.from.replace(/\/+$/, '');
    if (file === from || file.startsWith(`${from}/`))
      return path.join(mapping.to, file.slice(from.length));
  }
  return file;
}
