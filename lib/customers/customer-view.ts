// The plain customer data pages show, built from Stripe's Customer object.
import type Stripe from 'stripe';

export interface CustomerView {
  id: string;
  email: string | null;
  name: string | null;
  phone: string | null;
  /** Unix seconds, as Stripe gives it */
  created: number;
  metadata: Record<string, string>;
}

export function toCustomerView(customer: Stripe.Customer): CustomerView {
  return {
    id: customer.id,
    email: customer.email,
    name: customer.name ?? null,
    phone: customer.phone ?? null,
    created: customer.created,
    metadata: { ...customer.metadata },
  };
}
