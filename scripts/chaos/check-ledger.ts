// The sandbox's ledger against what the workload asked: each payment captured once for the asked amount, each asked
// refund, credit note and transfer reversal exactly once and no other, each dispute's evidence submitted once.
import type Stripe from 'stripe';
import type { ChaosLedger, IntendedPayment } from './story-context';

const sorted = (amounts: number[]) => JSON.stringify([...amounts].sort((a, b) => a - b));

async function checkPayment(stripe: Stripe, payment: IntendedPayment, differences: string[]): Promise<Stripe.Charge[]> {
  const intent = await stripe.paymentIntents.retrieve(payment.paymentIntentId);
  if (intent.status !== payment.status) differences.push(`${intent.id}: status ${intent.status}, asked ${payment.status}`);
  if (intent.amount_received !== payment.amountReceived) differences.push(`${intent.id}: received ${intent.amount_received}, asked ${payment.amountReceived}`);
  const charges = (await stripe.charges.list({ payment_intent: intent.id, limit: 100 })).data;
  const captured = charges.filter((charge) => charge.captured);
  if (payment.status === 'succeeded' && captured.length !== 1) differences.push(`${intent.id}: ${captured.length} captured charges, asked 1`);
  const refunds = await stripe.refunds.list({ payment_intent: intent.id, limit: 100 });
  const refunded = refunds.data.map((refund) => refund.amount);
  if (sorted(refunded) !== sorted(payment.refunds)) differences.push(`${intent.id}: refunds ${sorted(refunded)}, asked ${sorted(payment.refunds)}`);
  return captured;
}

export async function checkLedger(stripe: Stripe, ledger: ChaosLedger): Promise<string[]> {
  const differences: string[] = [...ledger.refusalDifferences];
  for (const payment of ledger.payments) await checkPayment(stripe, payment, differences);

  for (const intended of ledger.disputes) {
    const dispute = await stripe.disputes.retrieve(intended.disputeId);
    if (dispute.status !== intended.status) differences.push(`${dispute.id}: status ${dispute.status}, asked ${intended.status}`);
    if (dispute.evidence_details.submission_count !== 1) differences.push(`${dispute.id}: evidence submitted ${dispute.evidence_details.submission_count} times, asked once`);
    const receipt = typeof dispute.evidence.receipt === 'string' ? dispute.evidence.receipt : dispute.evidence.receipt?.id;
    if (receipt !== intended.receiptFileId) differences.push(`${dispute.id}: receipt ${receipt ?? 'none'}, uploaded ${intended.receiptFileId}`);
  }

  for (const intended of ledger.quotes) {
    const quote = await stripe.quotes.retrieve(intended.quoteId);
    if (quote.status !== intended.status) differences.push(`${quote.id}: status ${quote.status}, asked ${intended.status}`);
  }

  for (const intended of ledger.invoices) {
    const invoice = await stripe.invoices.retrieve(intended.invoiceId);
    if (invoice.status !== 'paid' || invoice.amount_paid !== intended.total) differences.push(`${invoice.id}: ${invoice.status}, paid ${invoice.amount_paid}, asked paid ${intended.total}`);
    const notes = (await stripe.creditNotes.list({ invoice: invoice.id, limit: 100 })).data;
    if (sorted(notes.map((note) => note.total)) !== sorted(intended.creditNotes)) differences.push(`${invoice.id}: credit notes ${sorted(notes.map((note) => note.total))}, asked ${sorted(intended.creditNotes)}`);
    const payments = (await stripe.paymentIntents.list({ customer: typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer?.id ?? ''), limit: 100 })).data;
    const paid = payments.filter((intent) => intent.status === 'succeeded');
    const [payment] = paid;
    if (paid.length !== 1 || !payment) differences.push(`${invoice.id}: ${paid.length} successful payments by its customer, asked 1`);
    else await checkPayment(stripe, { paymentIntentId: payment.id, status: 'succeeded', amountReceived: intended.total, refunds: intended.refunds }, differences);
  }

  for (const order of ledger.orders) {
    const refunded = order.refunds.reduce((sum, amount) => sum + amount, 0);
    const [charge] = await checkPayment(stripe, { paymentIntentId: order.paymentIntentId, status: 'succeeded', amountReceived: order.amount, refunds: order.refunds }, differences);
    if (!charge) continue;
    const transfers = (await stripe.transfers.list({ transfer_group: charge.transfer_group ?? '', limit: 100 })).data;
    if (transfers.length !== 1) differences.push(`${charge.id}: ${transfers.length} transfers, asked 1`);
    for (const transfer of transfers) {
      const destination = typeof transfer.destination === 'string' ? transfer.destination : transfer.destination?.id;
      if (transfer.amount !== order.amount || destination !== order.accountId) differences.push(`${transfer.id}: ${transfer.amount} to ${destination}, asked ${order.amount} to ${order.accountId}`);
      if (transfer.amount_reversed !== refunded) differences.push(`${transfer.id}: reversed ${transfer.amount_reversed}, asked ${refunded}`);
    }
    const fees = (await stripe.applicationFees.list({ charge: charge.id, limit: 100 })).data;
    if (fees.length !== 1) differences.push(`${charge.id}: ${fees.length} application fees, asked 1`);
    const feeRefunded = Math.round((order.applicationFee * refunded) / order.amount);
    for (const fee of fees) {
      if (fee.amount !== order.applicationFee) differences.push(`${fee.id}: fee ${fee.amount}, asked ${order.applicationFee}`);
      if (fee.amount_refunded !== feeRefunded) differences.push(`${fee.id}: fee refunded ${fee.amount_refunded}, asked ${feeRefunded}`);
    }
  }
  return differences;
}
