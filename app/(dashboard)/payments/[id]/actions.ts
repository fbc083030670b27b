'use server';
// Actions on one payment: confirm (saved card), capture, cancel, refund. Each re-reads the payment on the server.
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { createRefund } from '@/lib/payments/create-refund';
import { cancelPaymentSchema, capturePaymentSchema, confirmPaymentSchema, refundPaymentSchema } from '@/lib/payments/payment-input';

function revalidatePayment(paymentIntentId: string) {
  revalidatePath('/payments');
  revalidatePath(`/payments/${paymentIntentId}`);
}

export const confirmPaymentAction = validatedAction(
  { name: 'confirm-payment-intent', permission: 'payments:confirm', schema: confirmPaymentSchema },
  async (input, { user }) => {
    try {
      return await confirmPaymentIntent({ ...input, actor: user });
    } finally {
      // A decline changes the payment too (it records the failure), so the page re-reads either way.
      revalidatePayment(input.paymentIntentId);
    }
  },
);

export const capturePaymentAction = validatedAction(
  { name: 'capture-payment-intent', permission: 'payments:capture', schema: capturePaymentSchema },
  async (input, { user }) => {
    const result = await capturePaymentIntent({ ...input, actor: user });
    revalidatePayment(input.paymentIntentId);
    return result;
  },
);

export const cancelPaymentAction = validatedAction(
  { name: 'cancel-payment-intent', permission: 'payments:cancel', schema: cancelPaymentSchema },
  async (input, { user }) => {
    const result = await cancelPaymentIntent({ ...input, actor: user });
    revalidatePayment(input.paymentIntentId);
    return result;
  },
);

export const refundPaymentAction = validatedAction(
  { name: 'create-refund', permission: 'payments:refund', schema: refundPaymentSchema },
  async (input, { user }) => {
    const refund = await createRefund({ ...input, actor: user });
    revalidatePayment(input.paymentIntentId);
    return refund;
  },
);
