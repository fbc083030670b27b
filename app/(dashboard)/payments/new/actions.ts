'use server';
// Creates a payment, then opens its next step: the card form (browser confirmation) or its page (saved card).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated-action';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { createPaymentSchema } from '@/lib/payments/payment-input';

export const createPaymentAction = validatedAction(
  { name: 'create-payment-intent', permission: 'payments:create', schema: createPaymentSchema },
  async (input, { user }): Promise<never> => {
    const payment = await createPaymentIntent({ ...input, actor: user });
    revalidatePath('/payments');
    redirect(input.confirmationMode === 'browser' ? `/payments/new/confirm?payment_intent=${payment.id}` : `/payments/${payment.id}?created=1`);
  },
);
