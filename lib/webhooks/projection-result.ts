// What applying one event to the projection did, as stored on the event and shown on the Events page.

export type ProjectionOutcome = 'applied' | 'stale' | 'ignored';

export interface ProjectionResult {
  outcome: ProjectionOutcome;
  /** why, in a few words, when not simply applied */
  note?: string;
}
