/** Steps of one container update, in the order they run. */
export const UPDATE_STEPS = [
  'inspect',
  'pre-hook',
  'pull',
  'test-run',
  'stop-old',
  'rename-old',
  'create-new',
  'start-new',
  'health',
  'remove-old',
  'prune-image',
  'post-hook',
  'rollback',
] as const;
export type UpdateStepName = (typeof UPDATE_STEPS)[number];

/** Journaled before (`begin`) and after (`done` / `failed`) every step. */
export type JournalStep = `${UpdateStepName}:${'begin' | 'done' | 'failed'}`;

export type UpdateOutcome = 'updated' | 'unchanged' | 'rolled-back' | 'failed' | 'dry-run';

export type JournalData = Record<string, string | number | boolean | null>;

export interface JournalStepRecord {
  step: JournalStep;
  /** ISO time the step was journaled. */
  at: string;
  data?: JournalData;
}

/**
 * One update of one container, as journaled. It holds what recovery needs to put things back
 * without any other memory: the old container (ID, name, whether it ran) and, through the step
 * data, the new container's ID.
 */
export interface JournalEntry {
  id: string;
  /** The Docker host (watcher name) the container lives on. */
  host: string;
  containerId: string;
  containerName: string;
  /** Whether the old container was running when the update began (restored on rollback). */
  wasRunning: boolean;
  targetImage: string;
  targetReference: string;
  startedAt: string;
  steps: JournalStepRecord[];
  outcome?: UpdateOutcome;
  reason?: string;
  finishedAt?: string;
}

export type JournalEntryStart = Omit<JournalEntry, 'steps' | 'outcome' | 'reason' | 'finishedAt'>;

/**
 * Durable record of updates in flight, so an update interrupted by a crash can be finished or
 * rolled back at the next start (`ContainerUpdater.recover()`). The server implements it on its
 * database; every call must be durable when its promise resolves.
 */
export interface UpdateJournal {
  begin(entry: JournalEntryStart): Promise<void>;
  step(id: string, step: JournalStep, data?: JournalData): Promise<void>;
  finish(id: string, outcome: UpdateOutcome, reason?: string): Promise<void>;
  /** Entries begun and not finished, oldest first. */
  pending(): Promise<JournalEntry[]>;
}

/** For tests and single-process use: forgets everything on restart. */
export class InMemoryUpdateJournal implements UpdateJournal {
  protected readonly entries = new Map<string, JournalEntry>();

  begin(entry: JournalEntryStart): Promise<void> {
    if (this.entries.has(entry.id))
      return Promise.reject(new Error(`journal entry ${entry.id} exists`));
    this.entries.set(entry.id, { ...entry, steps: [] });
    return Promise.resolve();
  }

  step(id: string, step: JournalStep, data?: JournalData): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.reject(new Error(`no journal entry ${id}`));
    entry.steps.push({ step, at: new Date().toISOString(), ...(data ? { data } : {}) });
    return Promise.resolve();
  }

  finish(id: string, outcome: UpdateOutcome, reason?: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.reject(new Error(`no journal entry ${id}`));
    entry.outcome = outcome;
    entry.finishedAt = new Date().toISOString();
    if (reason) entry.reason = reason;
    return Promise.resolve();
  }

  pending(): Promise<JournalEntry[]> {
    return Promise.resolve(this.all().filter((entry) => !entry.finishedAt));
  }

  /** Every entry, finished or not (oldest first). */
  all(): JournalEntry[] {
    return [...this.entries.values()]
      .map((entry) => structuredClone(entry))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }
}
