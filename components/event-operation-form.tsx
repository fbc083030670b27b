'use client';
// One button that runs an Events-page operation (missed-event check, resend, refresh, reconcile, sync) and
// shows the sentence the server sends back.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { FormMessage, SubmitButton } from './form-controls';

type OperationAction = (previous: ActionResult<string> | null, formData: FormData) => Promise<ActionResult<string>>;

export function EventOperationForm({
  action,
  label,
  pendingLabel,
  fields = {},
  children,
}: {
  action: OperationAction;
  label: string;
  pendingLabel: string;
  /** hidden inputs, e.g. the event id */
  fields?: Record<string, string>;
  /** visible inputs placed before the button */
  children?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
      <FormMessage state={state} successMessage={state?.ok ? state.data : undefined} />
    </form>
  );
}
