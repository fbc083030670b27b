'use client';
// Voids one credit note (Stripe restores what it credited); the nonce makes a double-click void it once.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, SubmitButton } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export function CreditNoteVoidForm<T>(props: { action: Action<T>; creditNoteId: string; number: string; idempotencyNonce: string }) {
  const [state, formAction] = useActionState(props.action, null);
  return (
    <form action={formAction} aria-label={`Void credit note ${props.number}`} className="space-y-1">
      <FormMessage state={state} successMessage="Credit note voided." />
      <input type="hidden" name="creditNoteId" value={props.creditNoteId} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      <SubmitButton pendingLabel="Voiding…">Void</SubmitButton>
    </form>
  );
}
