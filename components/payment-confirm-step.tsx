'use client';
// The browser confirmation step: the card goes into the Payment Element (straight to Stripe, never to our
// server), stripe.confirmPayment runs any 3-D Secure challenge in the page, and a decline is explained in words.
import { PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describePaymentFailure, explainPaymentFailure } from '@/lib/payments/explain-decline';
import type { StripeBrowserConfig } from '@/lib/stripe/browser';
import { StripeElementsProvider } from './stripe-elements-provider';

interface Props {
  paymentIntentId: string;
  clientSecret: string;
  /** what the Pay button says, e.g. "Pay $20.00" */
  payLabel: string;
  config: StripeBrowserConfig;
}

function returnPath(paymentIntentId: string): string {
  return `/payments/${paymentIntentId}/return`;
}

function PayForm({ paymentIntentId, payLabel }: Pick<Props, 'paymentIntentId' | 'payLabel'>) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [isPaying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || isPaying) return;
    setPaying(true);
    setError(null);
    const result = await stripe.confirmPayment({
      elements,
      redirect: 'if_required',
      confirmParams: { return_url: new URL(returnPath(paymentIntentId), window.location.origin).toString() },
    });
    if (result.error) {
      setPaying(false);
      if (result.error.type === 'validation_error') return setError(result.error.message ?? 'Check the card details.');
      return setError(describePaymentFailure(explainPaymentFailure(result.error)));
    }
    router.push(`${returnPath(paymentIntentId)}?payment_intent=${encodeURIComponent(result.paymentIntent.id)}`);
  }

  return (
    <form onSubmit={pay} aria-label="Card payment" className="max-w-md space-y-4">
      <PaymentElement />
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!stripe || !elements || isPaying}
        className="inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-60"
      >
        {isPaying ? 'Paying…' : payLabel}
      </button>
    </form>
  );
}

export function PaymentConfirmStep(props: Props) {
  return (
    <StripeElementsProvider config={props.config} clientSecret={props.clientSecret}>
      <PayForm paymentIntentId={props.paymentIntentId} payLabel={props.payLabel} />
    </StripeElementsProvider>
  );
}
