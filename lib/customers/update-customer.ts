// Updates a customer's contact details and metadata in Stripe, and records it in the audit log.
import 'server-only';
import type Stripe from 'stripe';
import { ActionError } from '@/lib/actions/action-error';
import { recordAuditEntry } from '@/lib/audit/record-audit-entry';
import type { SessionUser } from '@/lib/auth/require-role';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { toCustomerView, type CustomerView } from './customer-view';
import { retrieveCustomer } from './retrieve-customer';

export interface UpdateCustomerOptions {
  customerId: string;
  email: string;
  /** left out when blank: Stripe cannot unset a customer's name or phone once set */
  name?: string;
  /** left out when blank, as name */
  phone?: string;
  /** the complete set wanted: keys missing here are removed from the customer */
  metadata: Record<string, string>;
  actor: SessionUser;
}

export async function updateCustomer(
  options: UpdateCustomerOptions,
  dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {},
): Promise<CustomerView> {
  const stripe = dependencies.stripe ?? defaultStripe();
  // Re-read so removed metadata keys can be unset (Stripe deletes a key when it is set to "").
  const current = await retrieveCustomer({ customerId: options.customerId }, { stripe });
  if (!current) throw new ActionError('not_found', 'This customer no longer exists in Stripe.');
  const metadata: Record<string, string> = { ...options.metadata };
  for (const key of Object.keys(current.metadata)) if (!(key in metadata)) metadata[key] = '';

  const wanted = { email: options.email, name: options.name, phone: options.phone };
  const changed = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((field) => wanted[field] !== undefined && wanted[field] !== current[field]);
  const metadataChanged = Object.keys(metadata).filter((key) => (current.metadata[key] ?? '') !== metadata[key]);

  const customer = await stripe.customers.update(options.customerId, {
    email: options.email,
    name: options.name,
    phone: options.phone,
    metadata,
  });
  await recordAuditEntry(
    {
      actor: options.actor,
      action: 'update-customer',
      objectId: customer.id,
      stripeRequestId: customer.lastResponse.requestId,
      detail: { changed, metadataKeysChanged: metadataChanged },
    },
    dependencies.db ?? defaultDb,
  );
  return toCustomerView(customer);
}
