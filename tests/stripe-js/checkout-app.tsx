// Test page app: the real @stripe/react-stripe-js components over whatever window.Stripe the page loaded
// (the sandbox's stand-in), in the three ways Paydesk may use them.
import { loadStripe } from '@stripe/stripe-js/pure';
import type { StripeElementsOptions } from '@stripe/stripe-js';
import { CardCvcElement, CardElement, CardExpiryElement, CardNumberElement, Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

export interface CheckoutConfig {
  publishableKey: string;
  /**
   * payment: Payment Element on a client secret, `redirect: 'if_required'`; redirect: the same with Stripe's
   * default redirect; deferred: Payment Element in `mode: 'payment'`; card: Card Element; split: the
   * number, expiry and CVC Elements; next-action: an intent the server confirmed, finished with handleNextAction;
   * setup: Payment Element on a SetupIntent's client secret, saved with confirmSetup.
   */
  flow: 'payment' | 'redirect' | 'deferred' | 'card' | 'split' | 'next-action' | 'setup';
  clientSecret: string;
}

declare global {
  interface Window {
    checkoutConfig: CheckoutConfig;
    /** Element events as the components reported them, for the test to read. */
    elementEvents: { type: string; complete?: boolean; empty?: boolean; error?: string; valueType?: string }[];
  }
}

window.elementEvents = [];
const record = (type: string, event?: { complete?: boolean; empty?: boolean; error?: { message?: string }; value?: unknown }) => {
  const value = event?.value;
  const valueType = typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string' ? value.type : undefined;
  window.elementEvents.push({ type, complete: event?.complete, empty: event?.empty, error: event?.error?.message, valueType });
};

function Outcome({ status, error }: { status: string; error: string }) {
  return (
    <>
      <p role="status">{status}</p>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

function PaymentForm({ config }: { config: CheckoutConfig }) {
  const stripe = useStripe();
  const elements = useElements();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setError('');
    if (config.flow === 'deferred') {
      const submitted = await elements.submit();
      if (submitted.error) return setError(submitted.error.message ?? 'Invalid card details.');
    }
    const confirmParams = { return_url: `${location.origin}/returned` };
    if (config.flow === 'setup') {
      const saved = await stripe.confirmSetup({ elements, confirmParams, redirect: 'if_required' });
      if (saved.error) return setError(saved.error.message ?? 'The card could not be saved.');
      return setStatus(`Setup ${saved.setupIntent.status}`);
    }
    if (config.flow === 'redirect') {
      // Navigates away on success or for 3-D Secure; resolves only with an error.
      const { error } = await stripe.confirmPayment({ elements, confirmParams });
      return setError(error.message ?? 'Payment failed.');
    }
    // A deferred intent's secret comes only now; otherwise Elements already holds it.
    const result =
      config.flow === 'deferred'
        ? await stripe.confirmPayment({ elements, clientSecret: config.clientSecret, confirmParams, redirect: 'if_required' })
        : await stripe.confirmPayment({ elements, confirmParams, redirect: 'if_required' });
    if (result.error) return setError(result.error.message ?? 'Payment failed.');
    setStatus(`Payment ${result.paymentIntent.status}`);
  }

  return (
    <form onSubmit={pay} aria-label="Checkout">
      <label>
        Note for the merchant <input name="note" defaultValue="thanks" />
      </label>
      <PaymentElement
        onReady={() => record('ready')}
        onChange={(event) => record('change', event)}
        onFocus={() => record('focus')}
        onBlur={() => record('blur')}
      />
      <button type="submit" disabled={!stripe}>
        {config.flow === 'setup' ? 'Save card' : 'Pay'}
      </button>
      <Outcome status={status} error={error} />
    </form>
  );
}

function CardForm({ config }: { config: CheckoutConfig }) {
  const stripe = useStripe();
  const elements = useElements();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function pay(event: FormEvent) {
    event.preventDefault();
    const card = config.flow === 'split' ? elements?.getElement(CardNumberElement) : elements?.getElement(CardElement);
    if (!stripe || !card) return;
    setError('');
    const created = await stripe.createPaymentMethod({ type: 'card', card, billing_details: { name: 'Jenny Rosen' } });
    if (created.error) return setError(created.error.message ?? 'Invalid card.');
    setStatus(`Saved ${created.paymentMethod.card?.brand} ending ${created.paymentMethod.card?.last4}`);
    const result = await stripe.confirmCardPayment(config.clientSecret, { payment_method: created.paymentMethod.id });
    if (result.error) return setError(result.error.message ?? 'Payment failed.');
    setStatus(`Payment ${result.paymentIntent.status} with ${created.paymentMethod.card?.brand} ending ${created.paymentMethod.card?.last4}`);
  }

  return (
    <form onSubmit={pay} aria-label="Checkout">
      {config.flow === 'split' ? (
        <>
          <CardNumberElement onReady={() => record('ready')} />
          <CardExpiryElement />
          <CardCvcElement />
        </>
      ) : (
        <CardElement onReady={() => record('ready')} onChange={(event) => record('change', event)} />
      )}
      <button type="submit" disabled={!stripe}>
        Pay
      </button>
      <Outcome status={status} error={error} />
    </form>
  );
}

function NextActionForm({ config }: { config: CheckoutConfig }) {
  const stripe = useStripe();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  async function authenticate() {
    if (!stripe) return;
    const result = await stripe.handleNextAction({ clientSecret: config.clientSecret });
    if (result.error) return setError(result.error.message ?? 'Authentication failed.');
    const retrieved = await stripe.retrievePaymentIntent(config.clientSecret);
    setStatus(`Payment ${retrieved.paymentIntent?.status ?? 'unknown'}`);
  }

  return (
    <>
      <button type="button" onClick={authenticate} disabled={!stripe}>
        Authenticate
      </button>
      <Outcome status={status} error={error} />
    </>
  );
}

const FORMS = { payment: PaymentForm, redirect: PaymentForm, setup: PaymentForm, deferred: PaymentForm, card: CardForm, split: CardForm, 'next-action': NextActionForm };

function App({ config }: { config: CheckoutConfig }) {
  const [stripePromise] = useState(() => loadStripe(config.publishableKey));
  const options: StripeElementsOptions =
    config.flow === 'payment' || config.flow === 'redirect' || config.flow === 'setup'
      ? { clientSecret: config.clientSecret }
      : config.flow === 'deferred'
        ? { mode: 'payment', amount: 2000, currency: 'usd' }
        : {};
  const Form = FORMS[config.flow];
  return (
    <Elements stripe={stripePromise} options={options}>
      <Form config={config} />
    </Elements>
  );
}

createRoot(document.getElementById('root')!).render(<App config={window.checkoutConfig} />);
