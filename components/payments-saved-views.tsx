'use client';
// Saved Payments views: links to reuse each, a delete button each, and a form that names the current filter.
import Link from 'next/link';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { echoed, FormMessage, SubmitButton, TextField } from './form-controls';

type View = { id: string; name: string; query: string };
type ViewAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

function DeleteViewButton({ view, action }: { view: View; action: ViewAction<null> }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="viewId" value={view.id} />
      <button type="submit" disabled={isPending} aria-label={`Delete view ${view.name}`} className="ml-1 rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-red-700">
        ×
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-1 text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function PaymentsSavedViews(props: { views: View[]; currentQuery: string; saveAction: ViewAction<View>; deleteAction: ViewAction<null> }) {
  const [state, formAction] = useActionState(props.saveAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby="saved-views-title" className="space-y-2">
      <h2 id="saved-views-title" className="text-sm font-medium text-slate-700">
        Saved views
      </h2>
      {props.views.length === 0 ? (
        <p className="text-sm text-slate-500">None yet: filter the list, then save the filter under a name.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Saved views">
          {props.views.map((view) => (
            <li key={view.id} className={`flex items-center rounded-full border px-3 py-1 text-sm ${view.query === props.currentQuery ? 'border-indigo-600' : 'border-slate-300'} bg-white`}>
              <Link href={`/payments${view.query ? `?${view.query}` : ''}`} className="text-indigo-700 underline">
                {view.name}
              </Link>
              <DeleteViewButton view={view} action={props.deleteAction} />
            </li>
          ))}
        </ul>
      )}
      <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label="Save this view">
        <input type="hidden" name="query" value={props.currentQuery} />
        <TextField name="name" label="View name" defaultValue={echoed(state, 'name')} error={errors?.name ?? errors?.query} />
        <SubmitButton pendingLabel="Saving…">Save this view</SubmitButton>
        <FormMessage state={state} successMessage={state?.ok ? `Saved view “${state.data.name}”.` : undefined} />
      </form>
    </section>
  );
}
