'use server';
// Actions on one invoice: finalize, pay, and void one of its credit notes. Each re-reads the state from Stripe.
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { voidCreditNoteSchema } from '@/lib/credit-notes/credit-note-input';
import { voidCreditNote } from '@/lib/credit-notes/void-credit-note';
import { finalizeInvoice } from '@/lib/invoices/finalize-invoice';
import { finalizeInvoiceSchema, payInvoiceSchema } from '@/lib/invoices/invoice-input';
import { payInvoice } from '@/lib/invoices/pay-invoice';

function revalidateInvoice(invoiceId: string) {
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath('/credit-notes');
}

export const finalizeInvoiceAction = validatedAction({ name: 'finalize-invoice', permission: 'invoices:manage', schema: finalizeInvoiceSchema }, async (input, { user }) => {
  const result = await finalizeInvoice({ ...input, actor: user });
  revalidateInvoice(input.invoiceId);
  return result;
});

export const payInvoiceAction = validatedAction({ name: 'pay-invoice', permission: 'invoices:manage', schema: payInvoiceSchema }, async (input, { user }) => {
  try {
    return await payInvoice({ ...input, actor: user });
  } finally {
    // A decline changes the invoice too (attempt_count), so the page re-reads either way.
    revalidateInvoice(input.invoiceId);
  }
});

export const voidCreditNoteAction = validatedAction({ name: 'void-credit-note', permission: 'credit-notes:void', schema: voidCreditNoteSchema }, async (input, { user }) => {
  const result = await voidCreditNote({ ...input, actor: user });
  revalidateInvoice(result.invoiceId);
  return result;
});
