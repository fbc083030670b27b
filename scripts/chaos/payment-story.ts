// Payment stories: a customer, a payment confirmed with a saved card, then two partial refunds, a capture and a
// refund, a partial capture, or a cancel.
import { createCustomer } from '@/lib/customers/create-customer';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { createRefund } from '@/lib/payments/create-refund';
import type { StoryContext } from './story-context';

export type PaymentStory = 'refund_twice' | 'capture_then_refund' | 'capture_part' | 'cancel';

/** A customer with a saved test card, through the dashboard's customer form. */
export async function customerWithCard(context: StoryContext, index: number, card = 'pm_card_visa'): Promise<{ customerId: string; cardId: string }> {
  const { stripe, db, actor } = context;
  const customer = await context.submit('create-customer', (nonce) =>
    createCustomer({ email: `buyer${index}@chaos.test`, name: `Chaos buyer ${index}`, metadata: { chaos: String(index) }, idempotencyNonce: nonce, actor }, { stripe, db }),
  );
  const attached = await context.setup(() => stripe.paymentMethods.attach(card, { customer: customer.id }));
  return { customerId: customer.id, cardId: attached.id };
}

/** A payment created and confirmed from the dashboard with the customer's saved card. */
export async function confirmedPayment(
  context: StoryContext,
  options: { index: number; amount: number; customerId: string; cardId: string; captureMethod: 'automatic' | 'manual' },
): Promise<string> {
  const { stripe, db, actor } = context;
  const created = await context.submit('create-payment-intent', (nonce) =>
    createPaymentIntent(
      {
        amount: options.amount,
        currency: 'usd',
        customerId: options.customerId,
        metadata: { chaos: String(options.index) },
        captureMethod: options.captureMethod,
        confirmationMode: 'server',
        idempotencyNonce: nonce,
        actor,
      },
      { stripe, db },
    ),
  );
  await context.submit('confirm-payment-intent', (nonce) => confirmPaymentIntent({ paymentIntentId: created.id, paymentMethodId: options.cardId, idempotencyNonce: nonce, actor }, { stripe, db }));
  return created.id;
}

export async function paymentStory(context: StoryContext, index: number, story: PaymentStory): Promise<void> {
  const { stripe, db, actor } = context;
  const deps = { stripe, db };
  const { customerId, cardId } = await customerWithCard(context, index);
  const amount = 5000 + index;
  const paymentIntentId = await confirmedPayment(context, { index, amount, customerId, cardId, captureMethod: story === 'refund_twice' ? 'automatic' : 'manual' });
  const refund = (major: string) =>
    context.submit('create-refund', (nonce) => createRefund({ paymentIntentId, amount: major, reason: 'requested_by_customer', idempotencyNonce: nonce, actor }, deps));
  const capture = (major?: string) => context.submit('capture-payment-intent', (nonce) => capturePaymentIntent({ paymentIntentId, amount: major, idempotencyNonce: nonce, actor }, deps));
  switch (story) {
    case 'refund_twice':
      await refund('10.00');
      await refund('5.00');
      context.ledger.payments.push({ paymentIntentId, status: 'succeeded', amountReceived: amount, refunds: [1000, 500] });
      break;
    case 'capture_then_refund':
      await capture();
      await refund('20.00');
      context.ledger.payments.push({ paymentIntentId, status: 'succeeded', amountReceived: amount, refunds: [2000] });
      break;
    case 'capture_part':
      await capture('30.00');
      context.ledger.payments.push({ paymentIntentId, status: 'succeeded', amountReceived: 3000, refunds: [] });
      break;
    case 'cancel':
      await context.submit('cancel-payment-intent', (nonce) => cancelPaymentIntent({ paymentIntentId, reason: 'requested_by_customer', idempotencyNonce: nonce, actor }, deps));
      context.ledger.payments.push({ paymentIntentId, status: 'canceled', amountReceived: 0, refunds: [] });
      break;
  }
}
