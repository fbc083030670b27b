// Reads support's refund limit (minor units) from Setting, falling back to the default.
import 'server-only';
import { DEFAULT_SUPPORT_REFUND_LIMIT } from '@/lib/auth/permissions';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { SUPPORT_REFUND_LIMIT_KEY } from './support-refund-limit';

export async function getSupportRefundLimit(db: Pick<Db, 'setting'> = defaultDb): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: SUPPORT_REFUND_LIMIT_KEY } });
  const value = row ? Number(row.value) : NaN;
  return Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_SUPPORT_REFUND_LIMIT;
}
