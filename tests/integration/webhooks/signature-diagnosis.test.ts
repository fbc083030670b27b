// Refused deliveries leave a small, bucketed note saying why — never the body or a secret — and store no event.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { ingestWebhook } from '@/lib/webhooks/ingest-webhook';
import { listDeliveryFailures } from '@/lib/webhooks/list-delivery-failures';
import { sandboxStripe } from '../../support/sandbox';
import { newSecret, sandboxEvents, signed } from './helpers';

const db = createDb(process.env.DATABASE_URL);
afterAll(() => db.$disconnect());

async function realEvent() {
  const stripe = sandboxStripe();
  await stripe.customers.create({ name: 'Signed' });
  const [event] = await sandboxEvents(stripe, 'customer.created');
  return event!;
}

describe('signature diagnosis', () => {
  it('notes a re-serialised body as altered, with its size and hash only, and stores no event', async () => {
    const secret = newSecret();
    const event = await realEvent();
    const delivery = signed(event, secret);
    const compact = Buffer.from(JSON.stringify(JSON.parse(delivery.rawBody.toString('utf8'))));
    const answer = await ingestWebhook({ rawBody: compact, signatureHeader: delivery.signatureHeader, secrets: [secret] }, db);
    expect(answer.status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    const sha = createHash('sha256').update(compact).digest('hex');
    const row = await db.webhookDeliveryFailure.findFirst({ where: { bodySha256: sha } });
    expect(row).toMatchObject({ reason: 'altered_body', isReserialisedMatch: true, bodyBytes: compact.byteLength });
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = (await listDeliveryFailures({}, db)).find((failure) => failure.bodySha256 === sha);
    expect(listed?.explanation).toMatch(/re-serialised copy verifies/);
  });

  it('says how far off the clock is for a delivery signed ten minutes ago', async () => {
    const secret = newSecret();
    const event = await realEvent();
    const delivery = signed(event, secret, Math.floor(Date.now() / 1000) - 600);
    await ingestWebhook({ ...delivery, secrets: [secret] }, db);
    const row = await db.webhookDeliveryFailure.findFirst({ where: { bodySha256: createHash('sha256').update(delivery.rawBody).digest('hex') } });
    expect(row?.reason).toBe('timestamp_outside_tolerance');
    expect(row?.skewSeconds).toBeLessThanOrEqual(-600);
    expect(row?.skewSeconds).toBeGreaterThan(-620);
  });

  it('a flood of 300 refused deliveries adds a row or two (one per minute), counting every one', async () => {
    const secret = newSecret();
    const event = await realEvent();
    // A padded secret is the one reason no other test produces, so the counts here are this test's own.
    const before = await db.webhookDeliveryFailure.aggregate({ where: { reason: 'secret_whitespace' }, _sum: { count: true }, _count: true });
    for (let index = 0; index < 300; index += 1) {
      const answer = await ingestWebhook({ ...signed(event, secret), secrets: [` ${secret}`] }, db);
      expect(answer.status).toBe(400);
    }
    const after = await db.webhookDeliveryFailure.aggregate({ where: { reason: 'secret_whitespace' }, _sum: { count: true }, _count: true });
    expect((after._sum.count ?? 0) - (before._sum.count ?? 0)).toBe(300);
    expect(after._count - before._count).toBeLessThanOrEqual(2);
  });
});
