'use server';
// Creates a draft quote, then opens its page.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated-action';
import { createQuote } from '@/lib/quotes/create-quote';
import { createQuoteSchema } from '@/lib/quotes/quote-input';

export const createQuoteAction = validatedAction({ name: 'create-quote', permission: 'quotes:manage', schema: createQuoteSchema }, async (input, { user }): Promise<never> => {
  const quote = await createQuote({ ...input, actor: user });
  revalidatePath('/quotes');
  redirect(`/quotes/${quote.id}?created=1`);
});
