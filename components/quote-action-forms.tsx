'use client';
// The buttons on a quote's page: finalize, accept, cancel. Each carries the nonce its page minted, so a double-click
// or retry replays the first submission instead of acting twice.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, SubmitButton } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export function QuoteTransitionForm<T>(props: { action: Action<T>; quoteId: string; idempotencyNonce: string; label: string; pendingLabel: string; successMessage: string; hint?: string }) {
  const [state, formAction] = useActionState(props.action, null);
  return (
    <form action={formAction} aria-label={props.label} className="space-y-2">
      <FormMessage state={state} successMessage={props.successMessage} />
      <input type="hidden" name="quoteId" value={props.quoteId} />
      <input type="hidden" name="idempotencyNonce" value={props.idempotencyNonce} />
      {props.hint ? <p className="text-xs text-slate-500">{props.hint}</p> : null}
      <SubmitButton pendingLabel={props.pendingLabel}>{props.label}</SubmitButton>
    </form>
  );
}
