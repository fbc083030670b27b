// How urgent a dispute's response is, from its evidence due date: overdue, within 48 hours, within 5 days, or later.

export type DueUrgency = 'overdue' | 'within_48_hours' | 'within_5_days' | 'later' | 'none';

const HOUR = 3_600;
export const OPEN_DISPUTE_STATUSES = ['needs_response', 'warning_needs_response'] as const;

export const isOpenDispute = (status: string): boolean => (OPEN_DISPUTE_STATUSES as readonly string[]).includes(status);

/** `dueBy` and `now` in Unix seconds; only a dispute still waiting for a response can be urgent. */
export function dueUrgency(status: string, dueBy: number | null, now: number): DueUrgency {
  if (!isOpenDispute(status) || dueBy === null) return 'none';
  const left = dueBy - now;
  if (left < 0) return 'overdue';
  if (left <= 48 * HOUR) return 'within_48_hours';
  if (left <= 5 * 24 * HOUR) return 'within_5_days';
  return 'later';
}

/** "3 days 4 hours left", "5 hours left", "overdue by 2 days". */
export function describeTimeLeft(dueBy: number, now: number): string {
  const seconds = Math.abs(dueBy - now);
  const days = Math.floor(seconds / (24 * HOUR));
  const hours = Math.floor((seconds % (24 * HOUR)) / HOUR);
  const minutes = Math.floor((seconds % HOUR) / 60);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const span = days > 0 ? `${plural(days, 'day')}${hours > 0 ? ` ${plural(hours, 'hour')}` : ''}` : hours > 0 ? plural(hours, 'hour') : plural(minutes, 'minute');
  return dueBy < now ? `overdue by ${span}` : `${span} left`;
}

/** The clock, in Stripe's unit (Unix seconds). */
export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);
