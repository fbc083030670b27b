// The app's server actions as app/**/actions.ts wires them (same name, permission, schema and domain function), with
// the session, the Stripe account and the database passed in, so a test can call them as a given user.
import type Stripe from 'stripe';
import { makeValidatedAction } from '@/lib/actions/make-validated-action';
import type { SessionUser } from '@/lib/auth/require-role';
import { inviteSellerSchema, destinationChargeSchema, orderRefundSchema, payoutSchema, sourceTransferSchema } from '@/lib/connect/connect-input';
import { createDestinationCharge } from '@/lib/connect/create-destination-charge';
import { createPayout } from '@/lib/connect/create-payout';
import { createSourceTransfer } from '@/lib/connect/create-source-transfer';
import { inviteSeller } from '@/lib/connect/invite-seller';
import { refundOrderCharge } from '@/lib/connect/refund-order-charge';
import { createCreditNote } from '@/lib/credit-notes/create-credit-note';
import { creditNoteFormSchema, voidCreditNoteSchema } from '@/lib/credit-notes/credit-note-input';
import { previewCreditNote } from '@/lib/credit-notes/preview-credit-note';
import { voidCreditNote } from '@/lib/credit-notes/void-credit-note';
import { createCustomer } from '@/lib/customers/create-customer';
import { createCustomerSchema, updateCustomerSchema } from '@/lib/customers/customer-input';
import { updateCustomer } from '@/lib/customers/update-customer';
import type { Db } from '@/lib/db/client';
import { acceptDisputeLoss } from '@/lib/disputes/accept-dispute-loss';
import { acceptDisputeLossSchema, evidenceOf, saveDisputeDraftSchema, submitDisputeEvidenceSchema } from '@/lib/disputes/dispute-input';
import { stageDisputeEvidence } from '@/lib/disputes/stage-dispute-evidence';
import { submitDisputeEvidence } from '@/lib/disputes/submit-dispute-evidence';
import { finalizeInvoice } from '@/lib/invoices/finalize-invoice';
import { finalizeInvoiceSchema, payInvoiceSchema } from '@/lib/invoices/invoice-input';
import { payInvoice } from '@/lib/invoices/pay-invoice';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { confirmPaymentIntent } from '@/lib/payments/confirm-payment-intent';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { createRefund } from '@/lib/payments/create-refund';
import { cancelPaymentSchema, capturePaymentSchema, confirmPaymentSchema, createPaymentSchema, refundPaymentSchema } from '@/lib/payments/payment-input';
import { deletePaymentView, deleteViewSchema, savePaymentView, saveViewSchema } from '@/lib/payments/saved-views';
import { acceptQuote } from '@/lib/quotes/accept-quote';
import { cancelQuote } from '@/lib/quotes/cancel-quote';
import { createQuote } from '@/lib/quotes/create-quote';
import { finalizeQuote } from '@/lib/quotes/finalize-quote';
import { createQuoteSchema, quoteActionSchema } from '@/lib/quotes/quote-input';
import { supportRefundLimitSchema } from '@/lib/settings/support-refund-limit';
import { updateSupportRefundLimit } from '@/lib/settings/update-support-refund-limit';
import { refreshObject } from '@/lib/sync/refresh-object';
import { reconcileRange } from '@/lib/sync/reconcile-range';
import { reconcileRangeSchema, refreshObjectSchema } from '@/lib/sync/sync-forms';
import { replayEventSchema } from '@/lib/webhooks/event-filters';
import { replayStripeEvent } from '@/lib/webhooks/replay-stripe-event';
import { ActionError } from '@/lib/actions/action-error';

export function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** Every form's action, run as `user` against one sandbox account and the test database. */
export function actionsFor(user: SessionUser, stripe: Stripe, db: Db) {
  const action = makeValidatedAction({ getUser: async () => user });
  const deps = { stripe, db };
  return {
    createPayment: action({ name: 'create-payment-intent', permission: 'payments:create', schema: createPaymentSchema }, (input, { user }) => createPaymentIntent({ ...input, actor: user }, deps)),
    confirmPayment: action({ name: 'confirm-payment-intent', permission: 'payments:confirm', schema: confirmPaymentSchema }, (input, { user }) => confirmPaymentIntent({ ...input, actor: user }, deps)),
    capturePayment: action({ name: 'capture-payment-intent', permission: 'payments:capture', schema: capturePaymentSchema }, (input, { user }) => capturePaymentIntent({ ...input, actor: user }, deps)),
    cancelPayment: action({ name: 'cancel-payment-intent', permission: 'payments:cancel', schema: cancelPaymentSchema }, (input, { user }) => cancelPaymentIntent({ ...input, actor: user }, deps)),
    refundPayment: action({ name: 'create-refund', permission: 'payments:refund', schema: refundPaymentSchema }, (input, { user }) => createRefund({ ...input, actor: user }, deps)),
    createCustomer: action({ name: 'create-customer', permission: 'customers:create', schema: createCustomerSchema }, (input, { user }) => createCustomer({ ...input, actor: user }, deps)),
    updateCustomer: action({ name: 'update-customer', permission: 'customers:update', schema: updateCustomerSchema }, (input, { user }) => updateCustomer({ ...input, actor: user }, deps)),
    saveDisputeDraft: action({ name: 'stage-dispute-evidence', permission: 'disputes:respond', schema: saveDisputeDraftSchema }, (input, { user }) =>
      stageDisputeEvidence({ disputeId: input.disputeId, evidence: evidenceOf(input), idempotencyNonce: input.draftNonce, actor: user }, deps),
    ),
    submitDisputeEvidence: action({ name: 'submit-dispute-evidence', permission: 'disputes:respond', schema: submitDisputeEvidenceSchema }, (input, { user }) =>
      submitDisputeEvidence({ disputeId: input.disputeId, evidence: evidenceOf(input), idempotencyNonce: input.submitNonce, actor: user }, deps),
    ),
    acceptDisputeLoss: action({ name: 'accept-dispute-loss', permission: 'disputes:respond', schema: acceptDisputeLossSchema }, (input, { user }) => acceptDisputeLoss({ ...input, actor: user }, deps)),
    createQuote: action({ name: 'create-quote', permission: 'quotes:manage', schema: createQuoteSchema }, (input, { user }) => createQuote({ ...input, actor: user }, deps)),
    finalizeQuote: action({ name: 'finalize-quote', permission: 'quotes:manage', schema: quoteActionSchema }, (input, { user }) => finalizeQuote({ ...input, actor: user }, deps)),
    acceptQuote: action({ name: 'accept-quote', permission: 'quotes:manage', schema: quoteActionSchema }, (input, { user }) => acceptQuote({ ...input, actor: user }, deps)),
    cancelQuote: action({ name: 'cancel-quote', permission: 'quotes:manage', schema: quoteActionSchema }, (input, { user }) => cancelQuote({ ...input, actor: user }, deps)),
    finalizeInvoice: action({ name: 'finalize-invoice', permission: 'invoices:manage', schema: finalizeInvoiceSchema }, (input, { user }) => finalizeInvoice({ ...input, actor: user }, deps)),
    payInvoice: action({ name: 'pay-invoice', permission: 'invoices:manage', schema: payInvoiceSchema }, (input, { user }) => payInvoice({ ...input, actor: user }, deps)),
    previewCreditNote: action({ name: 'preview-credit-note', permission: 'credit-notes:create', schema: creditNoteFormSchema }, (input) => previewCreditNote(input, deps)),
    createCreditNote: action({ name: 'create-credit-note', permission: 'credit-notes:create', schema: creditNoteFormSchema }, (input, { user }) => createCreditNote({ ...input, actor: user }, deps)),
    voidCreditNote: action({ name: 'void-credit-note', permission: 'credit-notes:void', schema: voidCreditNoteSchema }, (input, { user }) => voidCreditNote({ ...input, actor: user }, deps)),
    inviteSeller: action({ name: 'invite-seller', permission: 'connect:manage', schema: inviteSellerSchema }, (input, { user }) => inviteSeller({ ...input, actor: user }, deps)),
    createDestinationCharge: action({ name: 'create-destination-charge', permission: 'connect:manage', schema: destinationChargeSchema }, (input, { user }) =>
      createDestinationCharge({ ...input, actor: user }, deps),
    ),
    createSourceTransfer: action({ name: 'create-transfer', permission: 'connect:manage', schema: sourceTransferSchema }, (input, { user }) => createSourceTransfer({ ...input, actor: user }, deps)),
    createPayout: action({ name: 'create-payout', permission: 'connect:manage', schema: payoutSchema }, (input, { user }) => createPayout({ ...input, actor: user }, deps)),
    refundOrderCharge: action({ name: 'refund-order-charge', permission: 'connect:manage', schema: orderRefundSchema }, (input, { user }) => refundOrderCharge({ ...input, actor: user }, deps)),
    updateSupportRefundLimit: action({ name: 'update-support-refund-limit', permission: 'settings:update', schema: supportRefundLimitSchema }, (input, { user }) =>
      updateSupportRefundLimit({ limit: input.supportRefundLimit, actor: user }, db),
    ),
    savePaymentView: action({ name: 'save-payment-view', permission: 'payments:view-merchant', schema: saveViewSchema }, (input, { user }) => savePaymentView({ userId: user.id, ...input }, db)),
    deletePaymentView: action({ name: 'delete-payment-view', permission: 'payments:view-merchant', schema: deleteViewSchema }, async (input, { user }) => {
      if (!(await deletePaymentView({ userId: user.id, viewId: input.viewId }, db))) throw new ActionError('not_found', 'That view no longer exists.');
      return null;
    }),
    replayEvent: action({ name: 'replay-stripe-event', permission: 'events:replay', schema: replayEventSchema }, (input, { user }) => replayStripeEvent({ eventId: input.eventId, actor: user }, db, stripe)),
    reconcileRange: action({ name: 'reconcile-range', permission: 'events:replay', schema: reconcileRangeSchema }, (input) => reconcileRange(input, deps)),
    refreshObject: action({ name: 'refresh-object', permission: 'events:replay', schema: refreshObjectSchema }, (input) => refreshObject({ id: input.objectId }, deps)),
  };
}

export type Actions = ReturnType<typeof actionsFor>;
