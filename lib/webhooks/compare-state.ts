// The out-of-order guard: whether an event describes an object older than what the projection holds.

/** Where an object's state came from: the event's `created`, and a rank for changes within the same second. */
export interface StateStamp {
  eventCreated: number;
  /** compared left to right; higher means further along (e.g. [status rank, amount refunded]) */
  rank: readonly number[];
}

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * True when `incoming` must not overwrite `stored`. Stripe's `created` has one-second resolution, so two
 * changes in the same second are ordered by rank (a status never goes back from succeeded to processing);
 * equal ranks in the same second apply in arrival order.
 */
export function isOlderState(incoming: StateStamp, stored: StateStamp | null): boolean {
  if (!stored) return false;
  if (incoming.eventCreated !== stored.eventCreated) return incoming.eventCreated < stored.eventCreated;
  return compareRank(incoming.rank, stored.rank) < 0;
}

/** The id of an expandable field, whether Stripe sent the bare id or the expanded object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}
