// All accounts of the sandbox, loaded from and journaled to the data folder.
import { Account } from './account';
import { Journal } from './journal';

export class SandboxStore {
  private readonly accounts = new Map<string, Account>();
  private readonly journal: Journal | undefined;

  /** Without a data folder the store lives in memory only (unit tests). */
  constructor(dataDir?: string) {
    this.journal = dataDir ? new Journal(dataDir) : undefined;
    if (this.journal) this.load(this.journal);
  }

  private load(journal: Journal): void {
    for (const entry of journal.read()) {
      if ('resetAll' in entry) this.accounts.clear();
      else if ('reset' in entry) this.accounts.delete(entry.k);
      else this.account(entry.k).restore(entry);
    }
    journal.compact(this.snapshot());
  }

  private *snapshot() {
    for (const account of this.accounts.values()) yield* account.snapshot();
  }

  /** The account for a secret key; each distinct key is its own, initially empty, account. */
  account(key: string): Account {
    let account = this.accounts.get(key);
    if (!account) {
      account = new Account(key, this.journal);
      this.accounts.set(key, account);
    }
    return account;
  }

  /** Every account with state (the webhook loop rebuilds its queue from them at start-up). */
  allAccounts(): IterableIterator<Account> {
    return this.accounts.values();
  }

  resetAccount(key: string): void {
    this.accounts.delete(key);
    this.journal?.append({ k: key, reset: true });
  }

  resetAll(): void {
    this.accounts.clear();
    this.journal?.append({ resetAll: true });
  }

  close(): void {
    this.journal?.close();
  }
}
