'use server';
// Connect's server actions: an admin invites a seller; a seller starts onboarding (straight to Stripe's hosted page).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { destinationChargeSchema, inviteSellerSchema, orderRefundSchema, payoutSchema, sourceTransferSchema } from '@/lib/connect/connect-input';
import { createDestinationCharge } from '@/lib/connect/create-destination-charge';
import { createPayout } from '@/lib/connect/create-payout';
import { createSourceTransfer } from '@/lib/connect/create-source-transfer';
import { inviteSeller } from '@/lib/connect/invite-seller';
import { refundOrderCharge } from '@/lib/connect/refund-order-charge';
import { startSellerOnboarding } from '@/lib/connect/start-seller-onboarding';

export const inviteSellerAction = validatedAction({ name: 'invite-seller', permission: 'connect:manage', schema: inviteSellerSchema }, async (input, { user }) => {
  const invited = await inviteSeller({ ...input, actor: user });
  revalidatePath('/connect');
  return { userId: invited.userId, email: input.email };
});

// The link's URL goes only into the redirect: not into the result, a log line or the database.
export const startOnboardingAction = validatedAction({ name: 'start-seller-onboarding', permission: 'connect:onboard', schema: z.object({}) }, async (_input, { user }): Promise<never> => {
  const { url } = await startSellerOnboarding({ seller: user });
  redirect(url);
});

export const createDestinationChargeAction = validatedAction(
  { name: 'create-destination-charge', permission: 'connect:manage', schema: destinationChargeSchema },
  async (input, { user }): Promise<never> => {
    const charge = await createDestinationCharge({ ...input, actor: user });
    revalidatePath('/payments');
    redirect(`/payments/new/confirm?payment_intent=${charge.paymentIntentId}`);
  },
);

export const createSourceTransferAction = validatedAction({ name: 'create-transfer', permission: 'connect:manage', schema: sourceTransferSchema }, async (input, { user }) => {
  const transfer = await createSourceTransfer({ ...input, actor: user });
  revalidatePath('/connect/transfers');
  return transfer;
});

export const createPayoutAction = validatedAction({ name: 'create-payout', permission: 'connect:manage', schema: payoutSchema }, async (input, { user }) => {
  const payout = await createPayout({ ...input, actor: user });
  revalidatePath(`/connect/accounts/${input.accountId}`);
  return payout;
});

export const refundOrderChargeAction = validatedAction({ name: 'refund-order-charge', permission: 'connect:manage', schema: orderRefundSchema }, async (input, { user }) => {
  const refund = await refundOrderCharge({ ...input, actor: user });
  revalidatePath('/connect');
  return refund;
});
