// /payments/new/confirm?payment_intent=pi_…: the card step of a payment confirmed in the browser.
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PaymentConfirmStep } from '@/components/payment-confirm-step';
import { requirePermission } from '@/lib/auth/require-role';
import { formatMinorAmount } from '@/lib/money';
import { retrieveClientSecret } from '@/lib/payments/retrieve-client-secret';
import { stripeBrowserConfig } from '@/lib/stripe/browser';

export const metadata = { title: 'Pay · Paydesk' };

export default async function ConfirmPaymentPage({ searchParams }: { searchParams: Promise<{ payment_intent?: string }> }) {
  await requirePermission('payments:create');
  const { payment_intent: paymentIntentId } = await searchParams;
  if (!paymentIntentId || !/^pi_[A-Za-z0-9_]+$/.test(paymentIntentId)) notFound();
  const intent = await retrieveClientSecret({ paymentIntentId });
  if (!intent) notFound();
  // Only an unpaid, browser-confirmed payment has a card step; anything else is shown on its page.
  if (!intent.isPayableInBrowser) redirect(`/payments/${paymentIntentId}`);
  const amount = formatMinorAmount(intent.amount, intent.currency);
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <Link href={`/payments/${paymentIntentId}`} className="text-sm text-indigo-700 underline">
        ← Payment {paymentIntentId}
      </Link>
      <h1 id="page-title" className="text-2xl font-semibold">
        Pay {amount}
      </h1>
      <p className="text-sm text-slate-600">The card details go straight to Stripe; Paydesk never sees the card number.</p>
      <PaymentConfirmStep paymentIntentId={paymentIntentId} clientSecret={intent.clientSecret} payLabel={`Pay ${amount}`} config={stripeBrowserConfig()} />
    </section>
  );
}
