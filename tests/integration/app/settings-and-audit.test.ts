// Support's refund limit and the audit log, against the real database.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '@/lib/audit/list-audit-entries';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import { DEFAULT_SUPPORT_REFUND_LIMIT } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/require-role';
import { createDb } from '@/lib/db/client';
import { getSupportRefundLimit } from '@/lib/settings/get-support-refund-limit';
import { updateSupportRefundLimit } from '@/lib/settings/update-support-refund-limit';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

const admin: SessionUser = { id: `user_${randomUUID()}`, email: 'admin@paydesk.test', name: 'Admin', role: 'admin' };

describe('settings and audit', () => {
  it('starts support at the default refund limit and keeps what an admin sets, recording the change', async () => {
    await db.setting.deleteMany({ where: { key: 'support.refundLimit' } });
    expect(await getSupportRefundLimit(db)).toBe(DEFAULT_SUPPORT_REFUND_LIMIT);
    await updateSupportRefundLimit({ limit: 12_345, actor: admin }, db);
    expect(await getSupportRefundLimit(db)).toBe(12_345);
    const entry = await db.auditEntry.findFirst({ where: { actorId: admin.id, action: 'update-support-refund-limit' } });
    expect(entry).toMatchObject({ amount: 12_345, detail: JSON.stringify({ previous: DEFAULT_SUPPORT_REFUND_LIMIT }) });
  });

  it('records a replayed request once', async () => {
    const entry = { actor: admin, action: 'create-refund', objectId: 're_1', amount: 500, currency: 'usd', idempotencyKey: `key-${randomUUID()}` };
    await recordAuditEntry(entry, db);
    await recordAuditEntry(entry, db);
    expect(await db.auditEntry.count({ where: { idempotencyKey: entry.idempotencyKey } })).toBe(1);
  });

  it('lists entries newest first, a page at a time, without repeating or skipping any', async () => {
    const actor = { ...admin, id: `user_${randomUUID()}` };
    for (let index = 0; index < 5; index += 1) {
      await recordAuditEntry({ actor, action: 'test-entry', objectId: `obj_${index}` }, db);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct timestamps, so "newest first" is observable
    }
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await listAuditEntries({ before, limit: 2 }, db);
      seen.push(...page.entries.filter((entry) => entry.action === 'test-entry' && entry.actorEmail === actor.email).map((entry) => entry.objectId ?? ''));
      before = page.nextCursor ?? undefined;
    } while (before);
    const mine = seen.filter((id) => id.startsWith('obj_'));
    expect(mine.slice(0, 5)).toEqual(['obj_4', 'obj_3', 'obj_2', 'obj_1', 'obj_0']);
  });
});
