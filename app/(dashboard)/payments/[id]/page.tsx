// /payments/[id]: one payment — status, amounts, charge details, refunds, timeline, metadata — and the actions its
// status and the user's role allow. Reads the projection first (Stripe when it lacks the payment).
import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CancelPaymentForm, CapturePaymentForm, ConfirmPaymentForm, RefundPaymentForm } from '@/components/payment-action-forms';
import { PaymentStatusBadge } from '@/components/payment-status-badge';
import { PageSection } from '@/components/page-section';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-role';
import { formatUnixMinute } from '@/lib/format-time';
import { formatMinorAmount } from '@/lib/money';
import { describePaymentFailure } from '@/lib/payments/explain-decline';
import { listPaymentTimeline } from '@/lib/payments/list-payment-timeline';
import { listSavedCards } from '@/lib/payments/list-saved-cards';
import { REASON_LABELS } from '@/lib/payments/payment-input';
import { availableActions } from '@/lib/payments/payment-view';
import { retrievePayment } from '@/lib/payments/retrieve-payment';
import { getSupportRefundLimit } from '@/lib/settings/get-support-refund-limit';
import { cancelPaymentAction, capturePaymentAction, confirmPaymentAction, refundPaymentAction } from './actions';

export const metadata = { title: 'Payment · Paydesk' };

function Details({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-500">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function PaymentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const user = await requirePermission('payments:view-merchant');
  const { id } = await params;
  if (!/^pi_[A-Za-z0-9_]+$/.test(id)) notFound();
  const payment = await retrievePayment({ paymentIntentId: id });
  if (!payment) notFound();
  const { created } = await searchParams;
  const money = (minor: number) => formatMinorAmount(minor, payment.currency);
  const actions = availableActions(payment);
  const timeline = await listPaymentTimeline({ paymentIntentId: id, chargeId: payment.charge?.id ?? null, refundIds: payment.refunds.map((refund) => refund.id) });
  const showConfirm = actions.canConfirm && can(user.role, 'payments:confirm');
  const savedCards = showConfirm && payment.customerId ? await listSavedCards({ customerId: payment.customerId }) : [];
  const supportLimit = user.role === 'admin' ? null : await getSupportRefundLimit();
  const charge = payment.charge;
  const metadataEntries = Object.entries(payment.metadata);

  return (
    <section aria-labelledby="page-title" className="space-y-8">
      <Link href="/payments" className="text-sm text-indigo-700 underline">
        ← Payments
      </Link>
      {created ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Payment created.
        </p>
      ) : null}
      <div className="space-y-1">
        <h1 id="page-title" className="text-2xl font-semibold">
          {money(payment.amount)} {payment.currency.toUpperCase()}
        </h1>
        <p aria-label="Payment status">
          <PaymentStatusBadge status={payment.status} isConfirming={payment.isConfirming} />
        </p>
      </div>
      {payment.status === 'requires_payment_method' && payment.lastPaymentError ? (
        <p role="alert" className="max-w-2xl rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          Last attempt failed: {describePaymentFailure(payment.lastPaymentError)}
        </p>
      ) : null}

      {payment.status === 'requires_action' ? (
        <p role="status" className="max-w-2xl rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The card&apos;s bank wants the customer to authenticate this payment (3-D Secure). Only the customer can do that, in their own
          browser; until then nothing is charged. Cancel it, or take the payment again while the customer is present.
        </p>
      ) : null}

      <Details
        rows={[
          ['ID', <span key="id" className="font-mono">{payment.id}</span>],
          ['Amount', money(payment.amount)],
          ['Captured', money(payment.amountReceived)],
          ['Capturable', money(payment.amountCapturable)],
          ['Refundable', money(payment.refundable)],
          ['Customer', payment.customerId ? <Link key="customer" href={`/customers/${payment.customerId}`} className="font-mono text-indigo-700 underline">{payment.customerId}</Link> : '—'],
          ['Description', payment.description ?? '—'],
          ['Capture', payment.captureMethod === 'manual' ? 'Authorize, capture later' : 'At once'],
          ['Confirmation', payment.confirmationMethod === 'manual' ? 'From the dashboard (saved card)' : 'In the browser'],
          ['Created', formatUnixMinute(payment.created)],
          ...(payment.status === 'requires_capture' && charge?.captureBefore ? [['Authorization expires', formatUnixMinute(charge.captureBefore)] as [string, React.ReactNode]] : []),
          ...(payment.cancellationReason ? [['Cancellation reason', REASON_LABELS[payment.cancellationReason] ?? payment.cancellationReason] as [string, React.ReactNode]] : []),
        ]}
      />

      {charge ? (
        <PageSection title="Charge">
          <Details
            rows={[
              ['Charge', <span key="charge" className="font-mono">{charge.id}{charge.isConfirming ? ' (confirming)' : ''}</span>],
              ['Card', charge.cardBrand ? `${charge.cardBrand} ending ${charge.cardLast4}` : '—'],
              ['Outcome', charge.outcomeType ?? '—'],
              ['Risk level', charge.riskLevel ?? '—'],
              ['Network says', charge.sellerMessage ?? '—'],
              ['Disputed', charge.isDisputed ? 'Yes' : 'No'],
            ]}
          />
        </PageSection>
      ) : null}

      <PageSection title="Actions">
        {actions.canCollectInBrowser && can(user.role, 'payments:create') ? (
          <Link href={`/payments/new/confirm?payment_intent=${payment.id}`} className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white">
            Enter card details
          </Link>
        ) : null}
        {showConfirm && savedCards.length === 0 ? <p className="text-sm">This customer has no saved card to confirm with.</p> : null}
        {can(user.role, 'payments:confirm') && payment.confirmationMethod === 'manual' ? (
          <ConfirmPaymentForm action={confirmPaymentAction} isAvailable={showConfirm && savedCards.length > 0} paymentIntentId={payment.id} idempotencyNonce={randomUUID()} cards={savedCards} defaultCardId={payment.paymentMethodId} />
        ) : null}
        {can(user.role, 'payments:capture') ? (
          <CapturePaymentForm action={capturePaymentAction} isAvailable={actions.canCapture} paymentIntentId={payment.id} idempotencyNonce={randomUUID()} capturable={payment.amountCapturable} currency={payment.currency} />
        ) : null}
        {can(user.role, 'payments:refund') ? (
          <RefundPaymentForm action={refundPaymentAction} isAvailable={actions.canRefund} paymentIntentId={payment.id} idempotencyNonce={randomUUID()} refundable={payment.refundable} currency={payment.currency} limit={supportLimit} />
        ) : null}
        {can(user.role, 'payments:cancel') ? <CancelPaymentForm action={cancelPaymentAction} isAvailable={actions.canCancel} paymentIntentId={payment.id} idempotencyNonce={randomUUID()} /> : null}
        {!Object.values(actions).some(Boolean) ? <p className="text-sm text-slate-600">Nothing more can be done with this payment.</p> : null}
      </PageSection>

      <PageSection title="Refunds">
        {payment.refunds.length === 0 ? (
          <p className="text-sm text-slate-600">No refunds.</p>
        ) : (
          <table className="min-w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th className="py-2 pr-4 font-medium">Refund</th>
                <th className="py-2 pr-4 font-medium">Amount</th>
                <th className="py-2 pr-4 font-medium">Status</th>
                <th className="py-2 pr-4 font-medium">Reason</th>
                <th className="py-2 font-medium">Created</th>
              </tr>
            </thead>
            <tbody>
              {payment.refunds.map((refund) => (
                <tr key={refund.id} className="border-b border-slate-100">
                  <td className="py-2 pr-4 font-mono">{refund.id}</td>
                  <td className="py-2 pr-4">{formatMinorAmount(refund.amount, refund.currency)}</td>
                  <td className="py-2 pr-4">
                    {refund.status}
                    {refund.isConfirming ? ' (confirming)' : ''}
                  </td>
                  <td className="py-2 pr-4">{refund.reason ? (REASON_LABELS[refund.reason] ?? refund.reason) : '—'}</td>
                  <td className="py-2">{formatUnixMinute(refund.created)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PageSection>

      <PageSection title="Timeline">
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">No events received for this payment yet.</p>
        ) : (
          <ol className="space-y-1 text-sm">
            {timeline.map((entry) => (
              <li key={entry.eventId}>
                <span className="text-slate-500">{formatUnixMinute(entry.created)}</span> — {entry.label} <span className="font-mono text-xs text-slate-500">{entry.type}</span>
              </li>
            ))}
          </ol>
        )}
      </PageSection>

      <PageSection title="Metadata">
        {metadataEntries.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul className="text-sm">
            {metadataEntries.map(([key, value]) => (
              <li key={key}>
                <span className="font-mono">{key}</span>: {value}
              </li>
            ))}
          </ul>
        )}
      </PageSection>
    </section>
  );
}
