// What applying one event to the projection did, as stored on the event and shown on the Events page.
import type { ProjectionRow } from './upsert-projection-row';

export type ProjectionOutcome = 'applied' | 'stale' | 'ignored';

export interface ProjectionResult {
  outcome: ProjectionOutcome;
  /** why, in a few words, when not simply applied */
  note?: string;
}

/** What an event asks of the projection: one row to write (applied, or stale if an equal or newer state is stored), or a result decided without writing. */
export type ProjectionPlan =
  | { row: ProjectionRow; /** said of the event when its row was written */ appliedNote?: string }
  | { result: ProjectionResult };
