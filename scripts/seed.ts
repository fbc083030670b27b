// `npm run seed`: one sign-in account per role and demo data in the Stripe sandbox, then the missed-event check
// and a sync from Stripe, so the local projection holds the demo objects even when no webhook endpoint was
// listening while they were made. Idempotent: a second run changes nothing. Reads DATABASE_URL, STRIPE_API_BASE and STRIPE_SECRET_KEY
// like the app; run `npm run db:migrate` first.
import { createUserAccount } from '@/lib/auth/create-user-account';
import type { Role } from '@/lib/auth/permissions';
import { linkSellerAccount } from '@/lib/connect/link-seller-account';
import { db } from '@/lib/db/client';
import { stripe } from '@/lib/stripe/client';
import { runSync } from '@/lib/sync/run-sync';
import { ingestMissedEvents } from '@/lib/webhooks/ingest-missed-events';
import { DEMO_SELLER_EMAIL, seedConnectDemoData, seedStripeDemoData } from './seed-stripe-demo-data';

const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@paydesk.test', name: 'Ada Admin', role: 'admin' },
  { email: 'support@paydesk.test', name: 'Sam Support', role: 'support' },
  { email: 'seller@paydesk.test', name: 'Sol Seller', role: 'seller' },
];

async function main(): Promise<void> {
  const password = process.env.DEMO_PASSWORD || 'paydesk-demo-pass';
  const users = [];
  for (const user of DEMO_USERS) users.push({ ...user, ...(await createUserAccount({ ...user, password })) });

  const demo = await seedStripeDemoData(stripe());
  const connect = await seedConnectDemoData(stripe());
  const seller = users.find((user) => user.email === DEMO_SELLER_EMAIL);
  if (connect && seller) await linkSellerAccount({ account: connect.account, sellerUserId: seller.id }, db);
  // Webhooks sent before the app registered its endpoint never arrive. The missed-event check applies them
  // oldest first (Connect's transfers, fees and payouts included); the backfill then fills in whatever has no
  // event, never over newer webhook state.
  const missed = await ingestMissedEvents({}, { stripe: stripe(), db });
  const synced = await runSync({ restart: true }, { stripe: stripe(), db });

  console.log(
    `Seeded ${demo.customers.length} demo customers, ${demo.payments.length} payments (disputes included) and a SetupIntent with failed attempts (${demo.setupIntent.id}) in Stripe.`,
  );
  console.log(
    `Applied ${missed.missed.length} events no webhook had delivered and synced ${synced.reduce((sum, line) => sum + line.done, 0)} Stripe objects into the local projection.`,
  );
  if (connect) console.log(`Connect: ${DEMO_SELLER_EMAIL} has the onboarded account ${connect.account.id} with a destination charge (${connect.destinationCharge.id}).`);
  console.log('Sign in with:');
  for (const user of users) {
    console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(24)} ${password}${user.created ? '' : '   (already existed; password unchanged)'}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('Seeding failed:', error);
    process.exit(1);
  },
);
