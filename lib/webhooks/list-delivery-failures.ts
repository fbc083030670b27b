// Recent signature failures for the Events page, newest first, each with its explanation in words.
import 'server-only';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { describeSignatureFailure } from './describe-signature-failure';

export interface DeliveryFailureRow {
  bucket: string;
  reason: string;
  explanation: string;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  skewSeconds: number | null;
  bodyBytes: number;
  bodySha256: string;
}

export async function listDeliveryFailures(options: { sinceHours?: number; limit?: number } = {}, db: Pick<Db, 'webhookDeliveryFailure'> = defaultDb): Promise<DeliveryFailureRow[]> {
  const since = new Date(Date.now() - (options.sinceHours ?? 24) * 3_600_000);
  const rows = await db.webhookDeliveryFailure.findMany({ where: { lastSeenAt: { gte: since } }, orderBy: { lastSeenAt: 'desc' }, take: options.limit ?? 20 });
  return rows.map((row) => ({
    bucket: row.bucket,
    reason: row.reason,
    explanation: describeSignatureFailure(row),
    count: row.count,
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    skewSeconds: row.skewSeconds,
    bodyBytes: row.bodyBytes,
    bodySha256: row.bodySha256,
  }));
}
