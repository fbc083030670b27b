// Accepts an open quote for the customer: Stripe creates its invoice (or subscription); once per submitted form.
import 'server-only';
import type Stripe from 'stripe';
import { db as defaultDb, type Db } from '@/lib/db/client';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { transitionQuote, type QuoteTransitionOptions, type QuoteTransitionResult } from './transition-quote';

export async function acceptQuote(options: QuoteTransitionOptions, dependencies: { stripe?: Stripe; db?: Pick<Db, 'auditEntry'> } = {}): Promise<QuoteTransitionResult> {
  return transitionQuote('accept', options, { stripe: dependencies.stripe ?? defaultStripe(), db: dependencies.db ?? defaultDb });
}
