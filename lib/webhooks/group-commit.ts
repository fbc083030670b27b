// Group commit: work items that arrive while a batch is being written are written together in the next one.
import 'server-only';

export interface GroupCommitOptions<Item, Result> {
  /** writes every item in one transaction; the results in the items' order */
  writeBatch(items: Item[]): Promise<Result[]>;
  /** writes one item on its own: used for every item of a batch that failed, so one bad item fails alone */
  writeOne(item: Item): Promise<Result>;
  /** the most items one transaction takes */
  maxBatch: number;
  /** how many batches may be written at once: with two, the next transaction starts as soon as one commits */
  maxConcurrentBatches: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * An item is written at once when fewer than `maxConcurrentBatches` batches are being written; items that come
 * meanwhile wait and then go in one batch, so a burst costs one transaction per batch instead of one per item,
 * and a lone item waits for nobody.
 * Each caller's promise settles only after its own item's transaction committed (or failed).
 */
export function createGroupCommit<Item, Result>(options: GroupCommitOptions<Item, Result>): (item: Item) => Promise<Result> {
  const queue: Waiting<Item, Result>[] = [];
  let writers = 0;

  const writeNext = async (): Promise<void> => {
    writers += 1;
    while (queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      await writeWithFallback(batch, options);
      // The callers just answered are about to send their next items: let them queue before the next batch is
      // taken, or it would leave with the one item that came meanwhile and the rest would wait a whole batch more.
      await new Promise((resolve) => setImmediate(resolve));
    }
    writers -= 1;
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (writers < options.maxConcurrentBatches) void writeNext();
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
