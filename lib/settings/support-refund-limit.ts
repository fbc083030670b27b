// The refund limit for support (minor units): its Setting key and the form's rule, shared with the client.
import { z } from 'zod';

export const SUPPORT_REFUND_LIMIT_KEY = 'support.refundLimit';
/** Far above any plausible limit, well inside a 32-bit integer column elsewhere. */
export const SUPPORT_REFUND_LIMIT_MAX = 100_000_000;

export const supportRefundLimitSchema = z.object({
  supportRefundLimit: z
    .string()
    .trim()
    .regex(/^\d+$/, 'Enter a whole number of minor units (e.g. 50000 for 500.00).')
    .transform(Number)
    .pipe(z.number().int().min(0).max(SUPPORT_REFUND_LIMIT_MAX, `At most ${SUPPORT_REFUND_LIMIT_MAX} minor units.`)),
});
