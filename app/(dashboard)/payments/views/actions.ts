'use server';
// Saved Payments views: a user names the current filter, or deletes one of their views.
import { revalidatePath } from 'next/cache';
import { ActionError } from '@/lib/actions/action-error';
import { validatedAction } from '@/lib/actions/validated-action';
import { db } from '@/lib/db/client';
import { deletePaymentView, deleteViewSchema, savePaymentView, saveViewSchema, type SavedView } from '@/lib/payments/saved-views';

export const savePaymentViewAction = validatedAction(
  { name: 'save-payment-view', permission: 'payments:view-merchant', schema: saveViewSchema },
  async (input, { user }): Promise<SavedView> => {
    const view = await savePaymentView({ userId: user.id, ...input }, db);
    revalidatePath('/payments');
    return view;
  },
);

export const deletePaymentViewAction = validatedAction(
  { name: 'delete-payment-view', permission: 'payments:view-merchant', schema: deleteViewSchema },
  async (input, { user }): Promise<null> => {
    if (!(await deletePaymentView({ userId: user.id, viewId: input.viewId }, db))) throw new ActionError('not_found', 'That view no longer exists.');
    revalidatePath('/payments');
    return null;
  },
);
