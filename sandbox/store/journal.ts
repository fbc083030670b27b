// The append-only journal under the data folder: every state change is one JSON line, replayed at start.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type JournalEntry =
  | { k: string; put: string; o: unknown }
  | { k: string; del: string; id: string }
  | { k: string; idem: string; v: unknown }
  | { k: string; reset: true }
  | { resetAll: true };

export class Journal {
  private fd: number;
  private readonly path: string;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, 'journal.jsonl');
    this.fd = openSync(this.path, 'a');
  }

  /** Entries in write order; a torn last line (crash mid-write) is skipped. */
  read(): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    const entries: JournalEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.length === 0) continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // Only the last line can be torn; anything after it would not exist.
      }
    }
    return entries;
  }

  /** A synchronous append: the OS has the line before the response is sent, so a restart loses nothing. */
  append(entry: JournalEntry): void {
    writeSync(this.fd, JSON.stringify(entry) + '\n');
  }

  /** Rewrites the journal as the given entries (the current state), so it does not grow across restarts. */
  compact(entries: Iterable<JournalEntry>): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    let chunk = '';
    for (const entry of entries) {
      chunk += JSON.stringify(entry) + '\n';
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(tmp, this.path);
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}
