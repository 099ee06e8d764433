import type { Container } from '../../containers/types';
import { type UpdateLevel, updateLevel } from '../../containers/utils/filters';

export type FleetSummary = {
  containers: number;
  running: number;
  hosts: number;
  updates: number;
  byLevel: Record<UpdateLevel, number>;
  failedChecks: number;
  neverChecked: number;
};

/** The overview's counts, from the container list. */
export function summarizeFleet(containers: Container[]): FleetSummary {
  const byLevel: Record<UpdateLevel, number> = {
    major: 0,
    minor: 0,
    patch: 0,
    prerelease: 0,
    digest: 0,
    unknown: 0,
  };
  const hosts = new Set<string>();
  let running = 0;
  let updates = 0;
  let failedChecks = 0;
  let neverChecked = 0;
  for (const container of containers) {
    hosts.add(container.watcher);
    if (container.status === 'running') running += 1;
    if (container.error) failedChecks += 1;
    if (!container.checkedAt) neverChecked += 1;
    const level = updateLevel(container);
    if (level) {
      updates += 1;
      byLevel[level] += 1;
    }
  }
  return {
    containers: containers.length,
    running,
    hosts: hosts.size,
    updates,
    byLevel,
    failedChecks,
    neverChecked,
  };
}
