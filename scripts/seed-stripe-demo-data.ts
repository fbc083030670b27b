// Demo objects in the Stripe sandbox. Each step looks for its object first and creates it with an
// idempotency key derived from the seed, so a rerun finds what the first run made.
import Stripe from 'stripe';

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
  payments: Stripe.PaymentIntent[];
  setupIntent: Stripe.SetupIntent;
  quotes: QuoteDemoData;
}

/** One demo payment: how it is made and what happens to it after, so the lists show every state. */
interface DemoPayment {
  ref: string;
  customerEmail?: string;
  amount: number;
  currency: string;
  description: string;
  paymentMethod?: string;
  captureMethod?: 'automatic' | 'manual';
  then?: { refund?: number; cancel?: true };
}

const DEMO_PAYMENTS: DemoPayment[] = [
  { ref: 'succeeded', customerEmail: 'ada@example.com', amount: 4200, currency: 'usd', description: 'Pro plan, annual', paymentMethod: 'pm_card_visa' },
  { ref: 'partly-refunded', customerEmail: 'grace@example.com', amount: 12500, currency: 'usd', description: 'Team seats ×5', paymentMethod: 'pm_card_mastercard', then: { refund: 2500 } },
  { ref: 'authorized', customerEmail: 'alan@example.com', amount: 8800, currency: 'eur', description: 'Hardware order, ships next week', paymentMethod: 'pm_card_visa', captureMethod: 'manual' },
  { ref: 'canceled', customerEmail: 'ada@example.com', amount: 1999, currency: 'usd', description: 'Duplicate order', paymentMethod: 'pm_card_visa', captureMethod: 'manual', then: { cancel: true } },
  { ref: 'declined', customerEmail: 'grace@example.com', amount: 30000, currency: 'usd', description: 'Conference tickets', paymentMethod: 'pm_card_visa_chargeDeclinedInsufficientFunds' },
  { ref: 'zero-decimal', customerEmail: 'alan@example.com', amount: 5000, currency: 'jpy', description: 'Tokyo workshop', paymentMethod: 'pm_card_visa' },
  { ref: 'awaiting-payment', amount: 2500, currency: 'usd', description: 'Invoice #1042, not paid yet' },
  // Stripe's dispute test card: the charge succeeds, then the cardholder disputes it as fraudulent.
  { ref: 'disputed', customerEmail: 'alan@example.com', amount: 7500, currency: 'usd', description: 'Gift cards', paymentMethod: 'pm_card_createDispute' },
  // Stripe's inquiry test card: a pre-dispute inquiry (no money moved yet), one a merchant may simply accept as lost.
  { ref: 'disputed-inquiry', customerEmail: 'grace@example.com', amount: 3200, currency: 'usd', description: 'Workshop seat', paymentMethod: 'pm_card_createDisputeInquiry' },
];

// A saved card that failed twice before it was set up: what support diagnoses on Setup diagnostics.
const DEMO_SETUP_ATTEMPTS = ['pm_card_visa_chargeDeclinedInsufficientFunds', 'pm_card_chargeDeclinedExpiredCard', 'pm_card_visa'];

async function findOrCreateCustomer(stripe: Stripe, demo: DemoCustomer): Promise<Stripe.Customer> {
  const existing = await stripe.customers.list({ email: demo.email, limit: 1 });
  if (existing.data[0]) return existing.data[0];
  return stripe.customers.create(
    { ...demo, metadata: { ...demo.metadata, paydesk_seed: DEMO_SEED } },
    { idempotencyKey: `${DEMO_SEED}:customer:${demo.email}` },
  );
}

async function findOrCreatePayment(stripe: Stripe, demo: DemoPayment, customers: Stripe.Customer[]): Promise<Stripe.PaymentIntent> {
  const seedRef = `${DEMO_SEED}:${demo.ref}`;
  const existing = await stripe.paymentIntents.search({ query: `metadata['paydesk_seed_ref']:'${seedRef}'`, limit: 1 });
  if (existing.data[0]) return existing.data[0];

  const key = (step: string) => `${seedRef}:${step}`;
  const customer = customers.find((c) => c.email === demo.customerEmail)?.id;
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: demo.amount,
        currency: demo.currency,
        description: demo.description,
        customer,
        metadata: { paydesk_seed_ref: seedRef },
        capture_method: demo.captureMethod ?? 'automatic',
        // Cards only, so a server-side confirmation needs no return_url.
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
        ...(demo.paymentMethod ? { payment_method: demo.paymentMethod, confirm: true } : {}),
      },
      { idempotencyKey: key('create') },
    );
  } catch (error) {
    // A declined card leaves the intent awaiting another payment method; that is the state we want.
    if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) return error.payment_intent;
    throw error;
  }
  if (demo.then?.refund) {
    await stripe.refunds.create({ payment_intent: intent.id, amount: demo.then.refund, reason: 'requested_by_customer' }, { idempotencyKey: key('refund') });
  }
  if (demo.then?.cancel) {
    intent = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'duplicate' }, { idempotencyKey: key('cancel') });
  }
  return intent;
}

async function findOrCreateSetupIntent(stripe: Stripe, customer: Stripe.Customer): Promise<Stripe.SetupIntent> {
  const seedRef = `${DEMO_SEED}:setup-with-failures`;
  const existing = await stripe.setupIntents.list({ customer: customer.id, limit: 100 });
  const found = existing.data.find((intent) => intent.metadata?.paydesk_seed_ref === seedRef);
  if (found) return found;

  let intent = await stripe.setupIntents.create(
    { customer: customer.id, usage: 'off_session', metadata: { paydesk_seed_ref: seedRef }, automatic_payment_methods: { enabled: true, allow_redirects: 'never' } },
    { idempotencyKey: `${seedRef}:create` },
  );
  for (const [attempt, paymentMethod] of DEMO_SETUP_ATTEMPTS.entries()) {
    try {
      intent = await stripe.setupIntents.confirm(intent.id, { payment_method: paymentMethod }, { idempotencyKey: `${seedRef}:confirm-${attempt}` });
    } catch (error) {
      // The declines are the point: each leaves a failed SetupAttempt behind.
      if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    }
  }
  return intent;
}

/** A draft quote, and an accepted one whose invoice is finalized (open), ready for a credit note. */
export interface QuoteDemoData {
  draft: Stripe.Quote;
  accepted: Stripe.Quote;
  invoice: Stripe.Invoice;
}

async function findOrCreateQuote(stripe: Stripe, customer: Stripe.Customer, ref: string, lineItems: Stripe.QuoteCreateParams.LineItem[]): Promise<Stripe.Quote> {
  const seedRef = `${DEMO_SEED}:quote-${ref}`;
  const existing = (await stripe.quotes.list({ customer: customer.id, limit: 100 })).data.find((quote) => quote.metadata?.paydesk_seed_ref === seedRef);
  if (existing) return existing;
  return stripe.quotes.create(
    { customer: customer.id, line_items: lineItems, description: 'Team plan rollout', metadata: { paydesk_seed_ref: seedRef } },
    { idempotencyKey: `${seedRef}:create` },
  );
}

export async function seedQuoteDemoData(stripe: Stripe, customer: Stripe.Customer): Promise<QuoteDemoData> {
  const key = (step: string) => `${DEMO_SEED}:quotes:${step}`;
  const seats = await stripe.prices.create({ currency: 'usd', unit_amount: 2500, product_data: { name: 'Team seat, one-off setup' } }, { idempotencyKey: key('seat-price') });
  const workshop = await stripe.products.create({ name: 'Onboarding workshop' }, { idempotencyKey: key('workshop-product') });
  const lines = [
    { price: seats.id, quantity: 5 },
    { price_data: { currency: 'usd', product: workshop.id, unit_amount: 45000 }, quantity: 1 },
  ];
  const draft = await findOrCreateQuote(stripe, customer, 'draft', lines);
  let accepted = await findOrCreateQuote(stripe, customer, 'accepted', lines);
  if (accepted.status === 'draft') accepted = await stripe.quotes.finalizeQuote(accepted.id, {}, { idempotencyKey: key('finalize') });
  if (accepted.status === 'open') accepted = await stripe.quotes.accept(accepted.id, {}, { idempotencyKey: key('accept') });
  const invoiceId = typeof accepted.invoice === 'string' ? accepted.invoice : accepted.invoice?.id;
  if (!invoiceId) throw new Error('the accepted demo quote has no invoice');
  let invoice = await stripe.invoices.retrieve(invoiceId);
  if (invoice.status === 'draft') invoice = await stripe.invoices.finalizeInvoice(invoiceId, {}, { idempotencyKey: key('finalize-invoice') });
  return { draft, accepted, invoice };
}

/** The demo Connect seller: an Express account for seller@paydesk.test, onboarded, with one destination charge. */
export interface ConnectDemoData {
  account: Stripe.Account;
  destinationCharge: Stripe.PaymentIntent;
}

export const DEMO_SELLER_EMAIL = 'seller@paydesk.test';

async function findOrCreateSellerAccount(stripe: Stripe): Promise<Stripe.Account> {
  const seedRef = `${DEMO_SEED}:connect-seller`;
  const existing = (await stripe.accounts.list({ limit: 100 })).data.find((account) => account.metadata?.paydesk_seed_ref === seedRef);
  const account =
    existing ??
    (await stripe.accounts.create(
      {
        type: 'express',
        country: 'US',
        email: DEMO_SELLER_EMAIL,
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        business_profile: { name: 'Sol’s Ceramics' },
        metadata: { paydesk_seed_ref: seedRef },
      },
      { idempotencyKey: `${seedRef}:create` },
    ));
  if (account.details_submitted) return account;
  await completeSandboxOnboarding(stripe, account.id);
  return stripe.accounts.retrieve(account.id);
}

/**
 * Fills the sandbox's hosted onboarding form as a seller would (real Stripe onboarding needs a person, so against
 * Stripe the demo seller stays un-onboarded). The link is used at once and never printed.
 */
async function completeSandboxOnboarding(stripe: Stripe, accountId: string): Promise<void> {
  const link = await stripe.accountLinks.create({ account: accountId, type: 'account_onboarding', refresh_url: 'http://localhost/connect/refresh', return_url: 'http://localhost/connect/return' });
  if (!new URL(link.url).pathname.startsWith('/_sandbox/connect/onboarding/')) return;
  const page = await fetch(link.url, { redirect: 'manual' });
  const action = /<form method="post" action="([^"]+)"/.exec(await page.text())?.[1];
  if (!action) throw new Error('the sandbox onboarding page has no form');
  const fields = { business_name: 'Sol’s Ceramics', first_name: 'Sol', last_name: 'Seller', dob: '1988-06-15', routing_number: '110000000', account_number: '000123456789', action: 'submit' };
  const submitted = await fetch(new URL(action, link.url), { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  if (submitted.status !== 303) throw new Error(`the sandbox onboarding form answered ${submitted.status}`);
}

async function findOrCreateDestinationCharge(stripe: Stripe, account: Stripe.Account): Promise<Stripe.PaymentIntent> {
  const seedRef = `${DEMO_SEED}:destination-charge`;
  const existing = await stripe.paymentIntents.search({ query: `metadata['paydesk_seed_ref']:'${seedRef}'`, limit: 1 });
  if (existing.data[0]) return existing.data[0];
  return stripe.paymentIntents.create(
    {
      amount: 12000,
      currency: 'usd',
      description: 'Handmade vase, order O-DEMO-1',
      application_fee_amount: 1200,
      transfer_data: { destination: account.id },
      on_behalf_of: account.id,
      transfer_group: 'order_O-DEMO-1',
      metadata: { paydesk_seed_ref: seedRef, order: 'O-DEMO-1', seller_account: account.id },
      // Stripe's test card whose funds are available at once, so the seller can be paid out straight away.
      payment_method: 'pm_card_bypassPending',
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    },
    { idempotencyKey: `${seedRef}:create` },
  );
}

export async function seedConnectDemoData(stripe: Stripe): Promise<ConnectDemoData | null> {
  const account = await findOrCreateSellerAccount(stripe);
  if (!account.charges_enabled) return null;
  return { account, destinationCharge: await findOrCreateDestinationCharge(stripe, account) };
}

export async function seedStripeDemoData(stripe: Stripe): Promise<StripeDemoData> {
  const customers: Stripe.Customer[] = [];
  for (const demo of DEMO_CUSTOMERS) customers.push(await findOrCreateCustomer(stripe, demo));
  const payments: Stripe.PaymentIntent[] = [];
  for (const demo of DEMO_PAYMENTS) payments.push(await findOrCreatePayment(stripe, demo, customers));
  const setupCustomer = customers[0];
  if (!setupCustomer) throw new Error('the demo customers were not created');
  const setupIntent = await findOrCreateSetupIntent(stripe, setupCustomer);
  const quoteCustomer = customers.find((customer) => customer.email === 'grace@example.com') ?? setupCustomer;
  const quotes = await seedQuoteDemoData(stripe, quoteCustomer);
  return { customers, payments, setupIntent, quotes };
}
