import { IsNull, type Repository } from 'typeorm';
import type { JournalData, JournalEntry, JournalEntryStart, JournalStep, JournalStepRecord, UpdateJournal, UpdateOutcome } from '../actions/recreate/update-journal';
import type { UpdateJournalEntity } from '../database/entities';

/** The update journal on the database: every call is committed when its promise resolves. */
export class DbUpdateJournal implements UpdateJournal {
  constructor(private readonly repository: Repository<UpdateJournalEntity>) {}

  async begin(entry: JournalEntryStart): Promise<void> {
    await this.repository.insert({ ...entry, steps: [], outcome: null, reason: null, finishedAt: null });
  }

  async step(id: string, step: JournalStep, data?: JournalData): Promise<void> {
    // Steps of one update run one after another, so read-modify-write is safe here.
    const entry = await this.repository.findOneByOrFail({ id });
    const record: JournalStepRecord = { step, at: new Date().toISOString(), ...(data ? { data } : {}) };
    await this.repository.update({ id }, { steps: [...entry.steps, record] });
  }

  async finish(id: string, outcome: UpdateOutcome, reason?: string): Promise<void> {
    await this.repository.update({ id }, { outcome, reason: reason ?? null, finishedAt: new Date().toISOString() });
  }

  async pending(): Promise<JournalEntry[]> {
    const rows = await this.repository.find({ where: { outcome: IsNull() }, order: { startedAt: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      host: row.host,
      containerId: row.containerId,
      containerName: row.containerName,
      wasRunning: row.wasRunning,
      targetImage: row.targetImage,
      targetReference: row.targetReference,
      startedAt: row.startedAt,
      steps: row.steps as JournalStepRecord[],
    }));
  }
}
