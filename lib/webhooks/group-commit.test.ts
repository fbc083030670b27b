import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

function recorder(failOn?: number) {
  const batches: number[][] = [];
  const alone: number[] = [];
  const write = createGroupCommit<number, string>({
    maxBatch: 3,
    writeBatch: async (items) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failOn !== undefined && items.includes(failOn)) throw new Error('batch failed');
      return items.map((item) => `batch ${item}`);
    },
    writeOne: async (item) => {
      alone.push(item);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (item === failOn) throw new Error(`item ${item} failed`);
      return `alone ${item}`;
    },
  });
  return { write, batches, alone };
}

describe('group commit', () => {
  it('writes a lone item by itself, and items sent together in batches of at most maxBatch', async () => {
    const { write, batches, alone } = recorder();
    expect(await write(1)).toBe('alone 1');
    const results = await Promise.all([2, 3, 4, 5, 6, 7].map((item) => write(item)));
    expect(alone).toEqual([1]);
    expect(batches).toEqual([[2, 3, 4], [5, 6, 7]]);
    expect(results).toEqual(['batch 2', 'batch 3', 'batch 4', 'batch 5', 'batch 6', 'batch 7']);
  });

  it('lets the callers it just answered send their next items before it takes the next batch', async () => {
    const { write, batches, alone } = recorder();
    // Three clients, each sending its next item as soon as the previous one is written (as Stripe's deliveries do).
    await Promise.all(['a', 'b', 'c'].map(async (client) => {
      for (let step = 0; step < 4; step += 1) await write(client.charCodeAt(0) * 10 + step);
    }));
    expect(alone).toEqual([]);
    // Without the pause a batch would leave with the one item that came meanwhile: sizes 3, 1, 2, 1, …
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 3, 3]);
  });

  it('writes every item of a failed batch alone, so only the failing item is rejected', async () => {
    const { write, alone } = recorder(3);
    const results = await Promise.allSettled([1, 2, 3, 4].map((item) => write(item)));
    expect(alone).toEqual([1, 2, 3, 4]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('keeps writing after a failure: later items still get their own results', async () => {
    const { write } = recorder(1);
    await expect(write(1)).rejects.toThrow('item 1 failed');
    expect(await write(7)).toBe('alone 7');
  });
});
