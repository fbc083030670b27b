'use client';
// The Replay button on an event: re-applies the stored event and says what the projection did with it.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, SubmitButton } from './form-controls';

type ReplayAction = (previous: ActionResult<string> | null, formData: FormData) => Promise<ActionResult<string>>;

const OUTCOME_TEXT: Record<string, string> = {
  applied: 'Replayed: the event was applied to the projection.',
  stale: 'Replayed: the projection already holds this state or a newer one, so nothing changed.',
  ignored: 'Replayed: this event type has no projection, so nothing changed.',
};

export function ReplayEventForm({ action, eventId }: { action: ReplayAction; eventId: string }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="eventId" value={eventId} />
      <FormMessage state={state} successMessage={state?.ok ? (OUTCOME_TEXT[state.data] ?? 'Replayed.') : undefined} />
      <SubmitButton pendingLabel="Replaying…">Replay</SubmitButton>
    </form>
  );
}
