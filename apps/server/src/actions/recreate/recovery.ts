import type { JournalEntry, UpdateStepName } from './update-journal';

/** How far an interrupted update got, read from its journal entry alone. */
export interface JournalProgress {
  /** Steps that began (whether or not they finished). */
  begun: Set<UpdateStepName>;
  /** Steps that finished successfully. */
  done: Set<UpdateStepName>;
  newContainerId?: string;
  testContainerName?: string;
  /** The name the old container was parked under. */
  parkedName?: string;
}

export function readProgress(entry: JournalEntry): JournalProgress {
  const progress: JournalProgress = { begun: new Set(), done: new Set() };
  for (const record of entry.steps) {
    const [name, phase] = record.step.split(':') as [UpdateStepName, string];
    if (phase === 'begin') progress.begun.add(name);
    if (phase === 'done') progress.done.add(name);
    const data = record.data ?? {};
    if (typeof data.newContainerId === 'string') progress.newContainerId = data.newContainerId;
    if (typeof data.testContainerName === 'string')
      progress.testContainerName = data.testContainerName;
    if (typeof data.parkedName === 'string') progress.parkedName = data.parkedName;
  }
  return progress;
}

export type RecoveryDecision =
  /** Nothing was touched yet (crash during hook, pull or test run): just close the entry. */
  | 'close'
  /** The new container passed the health gate already: remove the old one and finish. */
  | 'finish'
  /** A new container exists and runs: run the health gate again, then finish or roll back. */
  | 'verify-new'
  /** Put the old container back. */
  | 'roll-back';

export interface ObservedState {
  oldExists: boolean;
  /** The new container exists (found by journaled ID, or by the original name). */
  newExists: boolean;
  newRunning: boolean;
}

export function decideRecovery(
  progress: JournalProgress,
  observed: ObservedState,
): RecoveryDecision {
  if (
    !progress.begun.has('stop-old') &&
    !progress.begun.has('rename-old') &&
    !progress.begun.has('create-new')
  )
    return 'close';
  if (progress.done.has('health') && observed.newExists) return 'finish';
  if (!observed.oldExists && observed.newExists) return 'finish';
  if (progress.begun.has('rollback')) return 'roll-back';
  if (observed.newExists && observed.newRunning) return 'verify-new';
  return 'roll-back';
}
