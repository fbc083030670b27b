'use server';
// Preview (asks Stripe, changes nothing) and create a credit note on an invoice; create opens the invoice again.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated-action';
import { createCreditNote } from '@/lib/credit-notes/create-credit-note';
import { creditNoteFormSchema } from '@/lib/credit-notes/credit-note-input';
import { previewCreditNote } from '@/lib/credit-notes/preview-credit-note';

export const previewCreditNoteAction = validatedAction({ name: 'preview-credit-note', permission: 'credit-notes:create', schema: creditNoteFormSchema }, async (input) => previewCreditNote(input));

export const createCreditNoteAction = validatedAction({ name: 'create-credit-note', permission: 'credit-notes:create', schema: creditNoteFormSchema }, async (input, { user }): Promise<never> => {
  const note = await createCreditNote({ ...input, actor: user });
  revalidatePath('/credit-notes');
  revalidatePath(`/invoices/${input.invoiceId}`);
  redirect(`/invoices/${input.invoiceId}?creditNote=${encodeURIComponent(note.number)}`);
});
