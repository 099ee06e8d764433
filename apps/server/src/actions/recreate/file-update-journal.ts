import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  JournalData,
  JournalEntry,
  JournalEntryStart,
  JournalStep,
  UpdateJournal,
  UpdateOutcome,
} from './update-journal';

type JournalLine =
  | { kind: 'begin'; entry: JournalEntryStart }
  | { kind: 'step'; id: string; step: JournalStep; at: string; data?: JournalData }
  | { kind: 'finish'; id: string; outcome: UpdateOutcome; reason?: string; at: string };

/**
 * An append-only JSON-lines journal, fsynced on every record: survives SIGKILL. For running
 * without a database (and for the crash tests); the server's own journal lives in its DB.
 */
export class FileUpdateJournal implements UpdateJournal {
  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }

  begin(entry: JournalEntryStart): Promise<void> {
    return this.append({ kind: 'begin', entry });
  }

  step(id: string, step: JournalStep, data?: JournalData): Promise<void> {
    return this.append({
      kind: 'step',
      id,
      step,
      at: new Date().toISOString(),
      ...(data ? { data } : {}),
    });
  }

  finish(id: string, outcome: UpdateOutcome, reason?: string): Promise<void> {
    return this.append({
      kind: 'finish',
      id,
      outcome,
      at: new Date().toISOString(),
      ...(reason ? { reason } : {}),
    });
  }

  pending(): Promise<JournalEntry[]> {
    return Promise.resolve(this.read().filter((entry) => !entry.finishedAt));
  }

  /** Every entry in the file, finished or not. */
  read(): JournalEntry[] {
    if (!fs.existsSync(this.file)) return [];
    const entries = new Map<string, JournalEntry>();
    for (const text of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!text.trim()) continue;
      let line: JournalLine;
      try {
        line = JSON.parse(text) as JournalLine;
      } catch {
        continue; // a torn last line from a crash mid-write
      }
      switch (line.kind) {
        case 'begin':
          entries.set(line.entry.id, { ...line.entry, steps: [] });
          break;
        case 'step':
          entries.get(line.id)?.steps.push({
            step: line.step,
            at: line.at,
            ...(line.data ? { data: line.data } : {}),
          });
          break;
        case 'finish': {
          const entry = entries.get(line.id);
          if (entry)
            Object.assign(entry, {
              outcome: line.outcome,
              finishedAt: line.at,
              ...(line.reason ? { reason: line.reason } : {}),
            });
          break;
        }
      }
    }
    return [...entries.values()];
  }

  private append(line: JournalLine): Promise<void> {
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return Promise.resolve();
  }
}
