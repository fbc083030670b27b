'use client';
// The forms on a payment's page: confirm with a saved card, capture, cancel, refund. Each carries the nonce its
// page minted, so a double-click or retry replays the first submission instead of moving money twice.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import { formatMinorAmount } from '@/lib/money';
import { CANCELLATION_REASONS, REASON_LABELS, REFUND_REASONS } from '@/lib/payments/payment-input';
import { echoed, FormMessage, inputClass, SubmitButton, TextField } from './form-controls';

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

interface Common {
  paymentIntentId: string;
  idempotencyNonce: string;
  /**
   * Whether the payment's status still allows this action. The page always renders every form the role may use,
   * so a form whose action just moved the payment on (a full capture or refund) keeps its success message.
   */
  isAvailable: boolean;
}

function Hidden({ paymentIntentId, idempotencyNonce }: Pick<Common, 'paymentIntentId' | 'idempotencyNonce'>) {
  return (
    <>
      <input type="hidden" name="paymentIntentId" value={paymentIntentId} />
      <input type="hidden" name="idempotencyNonce" value={idempotencyNonce} />
    </>
  );
}

function Select(props: { name: string; label: string; options: { value: string; label: string }[]; error?: string; defaultValue?: string }) {
  const id = `field-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        className={inputClass}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

const fieldErrors = (state: ActionResult<unknown> | null) => (state && !state.ok ? (state.fieldErrors ?? {}) : {});

export function ConfirmPaymentForm<T extends { status: string }>(props: Common & { action: Action<T>; cards: { id: string; label: string }[]; defaultCardId: string | null }) {
  const [state, formAction] = useActionState(props.action, null);
  const success = state?.ok ? (state.data.status === 'requires_action' ? 'Confirmed; the bank wants the customer to authenticate it.' : 'Payment confirmed.') : undefined;
  if (!props.isAvailable) return <FormMessage state={state?.ok ? state : null} successMessage={success} />;
  return (
    <form action={formAction} aria-label="Confirm payment" className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} successMessage={success} />
      <Hidden paymentIntentId={props.paymentIntentId} idempotencyNonce={props.idempotencyNonce} />
      <Select name="paymentMethodId" label="Saved card" options={props.cards.map((card) => ({ value: card.id, label: card.label }))} defaultValue={props.defaultCardId ?? undefined} error={fieldErrors(state).paymentMethodId} />
      <SubmitButton pendingLabel="Confirming…">Confirm payment</SubmitButton>
    </form>
  );
}

export function CapturePaymentForm<T extends { amountReceived: number }>(props: Common & { action: Action<T>; capturable: number; currency: string }) {
  const [state, formAction] = useActionState(props.action, null);
  const success = state?.ok ? `Captured ${formatMinorAmount(state.data.amountReceived, props.currency)}.` : undefined;
  if (!props.isAvailable) return <FormMessage state={state?.ok ? state : null} successMessage={success} />;
  return (
    <form action={formAction} aria-label="Capture payment" className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} successMessage={success} />
      <Hidden paymentIntentId={props.paymentIntentId} idempotencyNonce={props.idempotencyNonce} />
      <TextField
        name="amount"
        label="Amount to capture"
        autoComplete="off"
        defaultValue={echoed(state, 'amount')}
        error={fieldErrors(state).amount}
        hint={`Up to ${formatMinorAmount(props.capturable, props.currency)}; leave blank to capture all of it. The rest is released.`}
      />
      <SubmitButton pendingLabel="Capturing…">Capture</SubmitButton>
    </form>
  );
}

export function CancelPaymentForm<T>(props: Common & { action: Action<T> }) {
  const [state, formAction] = useActionState(props.action, null);
  if (!props.isAvailable) return <FormMessage state={state?.ok ? state : null} successMessage="Payment canceled." />;
  return (
    <form action={formAction} aria-label="Cancel payment" className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} successMessage={state?.ok ? 'Payment canceled.' : undefined} />
      <Hidden paymentIntentId={props.paymentIntentId} idempotencyNonce={props.idempotencyNonce} />
      <Select
        name="reason"
        label="Cancellation reason"
        options={CANCELLATION_REASONS.map((reason) => ({ value: reason, label: REASON_LABELS[reason] ?? reason }))}
        error={fieldErrors(state).reason}
      />
      <SubmitButton pendingLabel="Canceling…">Cancel payment</SubmitButton>
    </form>
  );
}

export function RefundPaymentForm<T extends { amount: number; currency: string }>(props: Common & { action: Action<T>; refundable: number; currency: string; limit: number | null }) {
  const [state, formAction] = useActionState(props.action, null);
  const success = state?.ok ? `Refunded ${formatMinorAmount(state.data.amount, state.data.currency)}.` : undefined;
  const limit = props.limit === null ? '' : ` Your limit: ${formatMinorAmount(props.limit, props.currency)}.`;
  if (!props.isAvailable) return <FormMessage state={state?.ok ? state : null} successMessage={success} />;
  return (
    <form action={formAction} aria-label="Refund payment" className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} successMessage={success} />
      <Hidden paymentIntentId={props.paymentIntentId} idempotencyNonce={props.idempotencyNonce} />
      <TextField
        name="amount"
        label="Amount to refund"
        autoComplete="off"
        defaultValue={echoed(state, 'amount')}
        error={fieldErrors(state).amount}
        hint={`${formatMinorAmount(props.refundable, props.currency)} can still be refunded; leave blank to refund all of it.${limit}`}
      />
      <Select
        name="reason"
        label="Refund reason"
        options={[{ value: '', label: 'No reason given' }, ...REFUND_REASONS.map((reason) => ({ value: reason, label: REASON_LABELS[reason] ?? reason }))]}
        error={fieldErrors(state).reason}
      />
      <SubmitButton pendingLabel="Refunding…">Refund</SubmitButton>
    </form>
  );
}
