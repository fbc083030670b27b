'use server';
// Settings actions (admin only).
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { supportRefundLimitSchema } from '@/lib/settings/support-refund-limit';
import { updateSupportRefundLimit } from '@/lib/settings/update-support-refund-limit';

export const updateSupportRefundLimitAction = validatedAction(
  { name: 'update-support-refund-limit', permission: 'settings:update', schema: supportRefundLimitSchema },
  async (input, { user }): Promise<number> => {
    const limit = await updateSupportRefundLimit({ limit: input.supportRefundLimit, actor: user });
    revalidatePath('/settings');
    return limit;
  },
);
