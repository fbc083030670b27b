// Group commit: work items that arrive while a batch is being written are written together in the next one.
import 'server-only';

export interface GroupCommitOptions<Item, Result> {
  /** writes every item in one transaction; the results in the items' order */
  writeBatch(items: Item[]): Promise<Result[]>;
  /** writes one item on its own: used for every item of a batch that failed, so one bad item fails alone */
  writeOne(item: Item): Promise<Result>;
  /** the most items one transaction takes */
  maxBatch: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * One batch is written at a time (measured on both engines: a second batch in flight only split the same
 * deliveries into smaller transactions). Items that come meanwhile wait and then go together, so a burst costs one
 * transaction per batch instead of one per item; a lone item is written on the next turn of the event loop.
 * Each caller's promise settles only after its own item's transaction committed (or failed).
 */
export function createGroupCommit<Item, Result>(options: GroupCommitOptions<Item, Result>): (item: Item) => Promise<Result> {
  const queue: Waiting<Item, Result>[] = [];
  let writing = false;

  const writeAll = async (): Promise<void> => {
    writing = true;
    while (queue.length > 0) {
      await writeWithFallback(queue.splice(0, options.maxBatch), options);
      // The callers just answered are about to send their next items: let them queue before the next batch is
      // taken, or it would leave with the one item that came meanwhile and the rest would wait a whole batch more.
      await new Promise((resolve) => setImmediate(resolve));
    }
    writing = false;
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Started on the next turn of the event loop, so items sent together leave together.
      if (!writing && queue.length === 1) setImmediate(() => void (writing || writeAll()));
    });
}

async function writeWithFallback<Item, Result>(batch: Waiting<Item, Result>[], options: GroupCommitOptions<Item, Result>): Promise<void> {
  if (batch.length > 1) {
    try {
      const results = await options.writeBatch(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(results[index]!));
      return;
    } catch {
      // The batch rolled back as a whole; each item is tried again alone so only the failing one fails.
    }
  }
  for (const waiting of batch) {
    try {
      waiting.resolve(await options.writeOne(waiting.item));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
