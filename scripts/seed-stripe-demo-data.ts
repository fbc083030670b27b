// Demo objects in the Stripe sandbox. Each step looks for its object first and creates it with an
// idempotency key derived from the seed, so a rerun finds what the first run made. Later issues add
// payments, disputes, quotes and the rest here.
import type Stripe from 'stripe';

export const DEMO_SEED = 'paydesk-demo-v1';

interface DemoCustomer {
  email: string;
  name: string;
  phone: string;
  metadata: Record<string, string>;
}

const DEMO_CUSTOMERS: DemoCustomer[] = [
  { email: 'ada@example.com', name: 'Ada Lovelace', phone: '+44 20 7946 0001', metadata: { plan: 'pro' } },
  { email: 'grace@example.com', name: 'Grace Hopper', phone: '+1 212 555 0102', metadata: { plan: 'team' } },
  { email: 'alan@example.com', name: 'Alan Turing', phone: '+44 161 496 0003', metadata: {} },
];

export interface StripeDemoData {
  customers: Stripe.Customer[];
}

async function findOrCreateCustomer(stripe: Stripe, demo: DemoCustomer): Promise<Stripe.Customer> {
  const existing = await stripe.customers.list({ email: demo.email, limit: 1 });
  if (existing.data[0]) return existing.data[0];
  return stripe.customers.create(
    { ...demo, metadata: { ...demo.metadata, paydesk_seed: DEMO_SEED } },
    { idempotencyKey: `${DEMO_SEED}:customer:${demo.email}` },
  );
}

export async function seedStripeDemoData(stripe: Stripe): Promise<StripeDemoData> {
  const customers: Stripe.Customer[] = [];
  for (const demo of DEMO_CUSTOMERS) customers.push(await findOrCreateCustomer(stripe, demo));
  return { customers };
}
