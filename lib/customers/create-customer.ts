// Creates a Stripe customer once per submitted form, and records it in the audit log.
import 'server-only';
import type Stripe from 'stripe';
import { submissionIdempotencyKey } from '@/lib/actions/form-submission';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toCustomerView, type CustomerView } from './customer-view';
import { projectCreatedCustomer } from './project-created-customer';

export interface CreateCustomerOptions {
  email: string;
  name?: string;
  phone?: string;
  metadata: Record<string, string>;
  /** One per form render: a double-click or a retry replays the first create instead of making a second customer. */
  idempotencyNonce: string;
  actor: SessionUser;
}

export async function createCustomer(
  options: CreateCustomerOptions,
  dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry' | 'stripeCustomer'> } = {},
): Promise<CustomerView> {
  const stripe = dependencies.stripe ?? defaultStripe();
  const idempotencyKey = submissionIdempotencyKey({ action: 'create-customer', actor: options.actor, nonce: options.idempotencyNonce });
  const customer = await stripe.customers.create(
    { email: options.email, name: options.name, phone: options.phone, metadata: options.metadata },
    { idempotencyKey },
  );
  await recordAuditEntry(
    {
      actor: options.actor,
      action: 'create-customer',
      objectId: customer.id,
      stripeRequestId: customer.lastResponse.requestId,
      idempotencyKey,
      detail: { email: options.email, metadataKeys: Object.keys(options.metadata).length },
    },
    dependencies.db ?? defaultDb,
  );
  await projectCreatedCustomer({ customer }, dependencies.db ?? defaultDb);
  return toCustomerView(customer);
}
