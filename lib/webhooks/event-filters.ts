// The Events page's query string: filters and cursor, checked before they reach a query.
import { z } from 'zod';

const blankToUndefined = (value: string | undefined) => value || undefined;

export const eventFiltersSchema = z.object({
  type: z.string().trim().regex(/^[a-z0-9_.]*$/).max(100).optional().catch(undefined).transform(blankToUndefined),
  objectId: z.string().trim().regex(/^[A-Za-z0-9_]*$/).max(255).optional().catch(undefined).transform(blankToUndefined),
  before: z.string().regex(/^evt_[A-Za-z0-9_]+$/).optional().catch(undefined),
});
export type EventFilters = z.infer<typeof eventFiltersSchema>;

export const replayEventSchema = z.object({ eventId: z.string().regex(/^evt_[A-Za-z0-9_]+$/, 'Unknown event.') });

export const eventIdSchema = replayEventSchema;

export const missedEventsSchema = z.object({ days: z.coerce.number().int().min(1).max(30).catch(30) });
