import * as fs from 'node:fs';
import * as os from 'node:os';

/**
 * IDs (or 12-character ID prefixes) of the container this process runs in, if any: from
 * /proc/self/cgroup (cgroup v1 and systemd-style v2 paths), /proc/self/mountinfo (the engine
 * bind-mounts /etc/hostname from `…/containers/<id>/`, which works under cgroup v2's private
 * namespace too) and the host name, which the engine sets to the ID prefix unless told otherwise.
 */
export function detectOwnContainerIds(
  read: (file: string) => string | undefined = readOrUndefined,
  hostname: string = os.hostname(),
): string[] {
  const ids = new Set<string>();
  const cgroup = read('/proc/self/cgroup') ?? '';
  for (const match of cgroup.matchAll(/(?:docker[-/]|\/)([0-9a-f]{64})(?:\.scope)?\b/g))
    ids.add(match[1]);
  const mountinfo = read('/proc/self/mountinfo') ?? '';
  for (const match of mountinfo.matchAll(
    /\/containers\/([0-9a-f]{64})\/(?:hostname|hosts|resolv\.conf)/g,
  ))
    ids.add(match[1]);
  if (/^[0-9a-f]{12}$/.test(hostname)) ids.add(hostname);
  return [...ids];
}

/** Whether `containerId` is one of `ownIds` (full IDs or prefixes). */
export function isOwnContainer(containerId: string, ownIds: readonly string[]): boolean {
  return ownIds.some(
    (own) => own.length >= 12 && (containerId.startsWith(own) || own.startsWith(containerId)),
  );
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
