// Changes support's refund limit and records who changed it, in one transaction.
import 'server-only';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { getSupportRefundLimit } from './get-support-refund-limit';
import { SUPPORT_REFUND_LIMIT_KEY } from './support-refund-limit';

export async function updateSupportRefundLimit(options: { limit: number; actor: SessionUser }, db: Db = defaultDb): Promise<number> {
  await db.$transaction(async (tx) => {
    const previous = await getSupportRefundLimit(tx);
    await tx.setting.upsert({
      where: { key: SUPPORT_REFUND_LIMIT_KEY },
      create: { key: SUPPORT_REFUND_LIMIT_KEY, value: String(options.limit) },
      update: { value: String(options.limit) },
    });
    await recordAuditEntry({ actor: options.actor, action: 'update-support-refund-limit', amount: options.limit, detail: { previous } }, tx);
  });
  return options.limit;
}
