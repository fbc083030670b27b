// /payments/[id]/return: where Stripe.js (or the 3-D Secure page) sends the merchant back; reads the intent's status.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PaymentStatusBadge } from '@/components/payment-status-badge';
import { requirePermission } from '@/lib/auth/require-role';
import { formatMinorAmount } from '@/lib/money';
import { describePaymentFailure } from '@/lib/payments/explain-decline';
import { refreshPaymentProjection } from '@/lib/payments/refresh-payment-projection';

export const metadata = { title: 'Payment result · Paydesk' };

const OUTCOMES: Record<string, string> = {
  succeeded: 'Payment succeeded',
  requires_capture: 'Payment authorized',
  processing: 'Payment processing',
  requires_action: 'Authentication needed',
  requires_payment_method: 'Payment not completed',
  canceled: 'Payment canceled',
};

export default async function PaymentReturnPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('payments:view-merchant');
  const { id } = await params;
  if (!/^pi_[A-Za-z0-9_]+$/.test(id)) notFound();
  const payment = await refreshPaymentProjection({ paymentIntentId: id });
  if (!payment) notFound();
  const amount = formatMinorAmount(payment.amount, payment.currency);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <h1 id="page-title" className="text-2xl font-semibold">
        {OUTCOMES[payment.status] ?? 'Payment'}
      </h1>
      <p className="flex items-center gap-2 text-sm">
        {amount} <PaymentStatusBadge status={payment.status} isConfirming={payment.isConfirming} />
      </p>
      {payment.status === 'requires_capture' ? <p className="text-sm">The amount is held on the card; capture it from the payment&apos;s page.</p> : null}
      {payment.status === 'requires_payment_method' && payment.lastPaymentError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {describePaymentFailure(payment.lastPaymentError)}
        </p>
      ) : null}
      <div className="flex gap-4 text-sm">
        <Link href={`/payments/${id}`} className="text-indigo-700 underline">
          View payment
        </Link>
        {payment.status === 'requires_payment_method' && payment.confirmationMethod === 'automatic' ? (
          <Link href={`/payments/new/confirm?payment_intent=${id}`} className="text-indigo-700 underline">
            Try another card
          </Link>
        ) : null}
      </div>
    </section>
  );
}
