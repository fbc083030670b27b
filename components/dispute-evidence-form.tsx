'use client';
// The evidence form of an open dispute: Stripe's fields in Stripe's groups, file uploads, a gauge of the text
// against Stripe's 150,000 characters, the reason's checklist of what is missing, and Save draft / Submit.
import { useActionState, useState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/action-result';
import { missingEvidence } from '@/lib/disputes/evidence-checklist';
import { EVIDENCE_FIELDS, EVIDENCE_GROUPS, EVIDENCE_TEXT_TOTAL_LIMIT, LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, evidenceTextLength, type EvidenceField } from '@/lib/disputes/evidence-fields';
import { DisputeFileField } from './dispute-file-field';
import { echoed, FormMessage, inputClass } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
type Values = Partial<Record<string, string>>;

interface Props<T> {
  disputeId: string;
  reason: string;
  evidence: Values;
  draftNonce: string;
  submitNonce: string;
  saveAction: Action<T>;
  submitAction: Action<T>;
}

function readValues(form: HTMLFormElement): Values {
  const data = new FormData(form);
  return Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field.name, String(data.get(field.name) ?? '')]));
}

function TextEvidence({ field, defaultValue, error }: { field: EvidenceField; defaultValue?: string; error?: string }) {
  const id = `field-${field.name}`;
  const limit = field.kind === 'short' ? SHORT_TEXT_LIMIT : LONG_TEXT_LIMIT;
  const common = {
    id,
    name: field.name,
    defaultValue,
    maxLength: limit,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {field.label}
      </label>
      {field.kind === 'long' ? <textarea rows={3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function DisputeEvidenceForm<T>(props: Props<T>) {
  const [saveState, saveFormAction] = useActionState(props.saveAction, null);
  const [submitState, submitFormAction] = useActionState(props.submitAction, null);
  const [values, setValues] = useState<Values>(props.evidence);
  const failed = [saveState, submitState].find((state) => state && !state.ok) ?? null;
  const fieldErrors = failed && !failed.ok ? (failed.fieldErrors ?? {}) : {};
  const used = evidenceTextLength(values);
  const missing = missingEvidence(props.reason, values);
  const defaultOf = (name: string) => echoed(failed, name) ?? props.evidence[name];

  return (
    <form aria-label="Dispute evidence" className="max-w-3xl space-y-6" noValidate onInput={(event) => setValues(readValues(event.currentTarget))}>
      <input type="hidden" name="disputeId" value={props.disputeId} />
      <input type="hidden" name="draftNonce" value={props.draftNonce} />
      <input type="hidden" name="submitNonce" value={props.submitNonce} />

      <div className="space-y-1">
        <label htmlFor="evidence-gauge" className="text-sm font-medium text-slate-700">
          Evidence text used
        </label>
        <meter id="evidence-gauge" min={0} max={EVIDENCE_TEXT_TOTAL_LIMIT} high={EVIDENCE_TEXT_TOTAL_LIMIT * 0.9} value={used} className="block w-full" />
        <p className="text-xs text-slate-600">
          {used.toLocaleString('en-US')} of {EVIDENCE_TEXT_TOTAL_LIMIT.toLocaleString('en-US')} characters
        </p>
      </div>

      <section aria-labelledby="checklist-title" className="rounded-md border border-slate-200 p-3">
        <h3 id="checklist-title" className="text-sm font-medium">
          Evidence checklist
        </h3>
        {missing.length === 0 ? (
          <p className="text-sm text-green-800">Everything that matters for this reason is filled in.</p>
        ) : (
          <ul aria-label="Missing evidence" className="mt-1 list-disc pl-5 text-sm">
            {missing.map((entry) => (
              <li key={entry.field}>
                {entry.label}: {entry.why}
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="text-xs text-slate-500">Stripe keeps a saved field until it is replaced; it can’t be emptied again.</p>
      {EVIDENCE_GROUPS.map((group) => (
        <fieldset key={group.title} className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">{group.title}</legend>
          {group.fields.map((field) =>
            field.kind === 'file' ? (
              <DisputeFileField
                key={field.name}
                disputeId={props.disputeId}
                name={field.name}
                label={field.label}
                defaultValue={defaultOf(field.name)}
                error={fieldErrors[field.name]}
                onChange={(fileId) => setValues((previous) => ({ ...previous, [field.name]: fileId }))}
              />
            ) : (
              <TextEvidence key={field.name} field={field} defaultValue={defaultOf(field.name)} error={fieldErrors[field.name]} />
            ),
          )}
        </fieldset>
      ))}

      <FormMessage state={saveState} successMessage="Draft saved. Nothing has been sent to the bank yet." />
      <FormMessage state={submitState} successMessage="Evidence submitted." />
      {fieldErrors.form ? <p className="text-sm text-red-700">{fieldErrors.form}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <PendingAwareButton formAction={saveFormAction} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold">
          Save draft
        </PendingAwareButton>
      </div>
      <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirmSubmit" className="mt-1" aria-invalid={fieldErrors.confirmSubmit ? true : undefined} />
          <span>I understand that submitting sends this evidence to the bank and it can’t be changed afterwards.</span>
        </label>
        {fieldErrors.confirmSubmit ? <p className="text-sm text-red-700">{fieldErrors.confirmSubmit}</p> : null}
        <PendingAwareButton formAction={submitFormAction} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
          Submit evidence
        </PendingAwareButton>
      </div>
    </form>
  );
}

/** Both buttons wait while either runs: the form's nonces already make a second click harmless, this makes it visible. */
function PendingAwareButton({ formAction, className, children }: { formAction: (formData: FormData) => void; className: string; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button formAction={formAction} disabled={pending} aria-disabled={pending} className={`${className} disabled:cursor-wait disabled:opacity-60`}>
      {children}
    </button>
  );
}
