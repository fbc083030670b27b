'use server';
// Actions on one quote: finalize, accept, cancel. Each re-reads the quote's status from Stripe on the server.
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { acceptQuote } from '@/lib/quotes/accept-quote';
import { cancelQuote } from '@/lib/quotes/cancel-quote';
import { finalizeQuote } from '@/lib/quotes/finalize-quote';
import { quoteActionSchema } from '@/lib/quotes/quote-input';

function revalidateQuote(quoteId: string) {
  revalidatePath('/quotes');
  revalidatePath(`/quotes/${quoteId}`);
}

export const finalizeQuoteAction = validatedAction({ name: 'finalize-quote', permission: 'quotes:manage', schema: quoteActionSchema }, async (input, { user }) => {
  const result = await finalizeQuote({ ...input, actor: user });
  revalidateQuote(input.quoteId);
  return result;
});

export const acceptQuoteAction = validatedAction({ name: 'accept-quote', permission: 'quotes:manage', schema: quoteActionSchema }, async (input, { user }) => {
  const result = await acceptQuote({ ...input, actor: user });
  revalidateQuote(input.quoteId);
  return result;
});

export const cancelQuoteAction = validatedAction({ name: 'cancel-quote', permission: 'quotes:manage', schema: quoteActionSchema }, async (input, { user }) => {
  const result = await cancelQuote({ ...input, actor: user });
  revalidateQuote(input.quoteId);
  return result;
});
