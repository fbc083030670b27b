// Notes a delivery that failed verification: the reason, the clock skew and the body's size and hash — never
// the body or a secret. Rows are bucketed per reason per minute, so a flood of bad requests adds few rows.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import type { SignatureDiagnosis } from './diagnose-signature-failure';

/** Buckets older than this are dropped when a new bucket opens. */
const KEEP_DAYS = 30;

export async function recordDeliveryFailure(
  options: { diagnosis: SignatureDiagnosis; rawBody: Buffer; now?: Date },
  db: Pick<Db, 'webhookDeliveryFailure'>,
): Promise<void> {
  const now = options.now ?? new Date();
  const bucket = `${options.diagnosis.reason}:${now.toISOString().slice(0, 16)}`;
  const latest = {
    skewSeconds: options.diagnosis.skewSeconds,
    isReserialisedMatch: options.diagnosis.isReserialisedMatch,
    bodyBytes: options.rawBody.byteLength,
    bodySha256: createHash('sha256').update(options.rawBody).digest('hex'),
    lastSeenAt: now,
  };
  const { count } = await db.webhookDeliveryFailure.updateMany({ where: { bucket }, data: { ...latest, count: { increment: 1 } } });
  if (count > 0) return;
  try {
    await db.webhookDeliveryFailure.create({ data: { bucket, reason: options.diagnosis.reason, firstSeenAt: now, ...latest } });
  } catch (error) {
    // Another failure opened the same bucket a moment ago: count this one there.
    if (!isUniqueViolation(error)) throw error;
    await db.webhookDeliveryFailure.updateMany({ where: { bucket }, data: { ...latest, count: { increment: 1 } } });
    return;
  }
  await db.webhookDeliveryFailure.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - KEEP_DAYS * 86_400_000) } } });
}
