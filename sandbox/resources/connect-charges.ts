// What a captured charge owes Connect: a destination charge transfers to `transfer_data.destination`
// and the platform keeps `application_fee_amount`; a direct charge (made with `Stripe-Account`) pays
// its application fee to the platform. Also the checks Stripe makes before such a payment starts.
import type Stripe from 'stripe';
import type { EventSource } from '../core/events';
import { invalidRequest } from '../http/stripe-error';
import type { Account } from '../store/account';
import { platformApplicationId } from './accounts';
import { recordApplicationFee, refundApplicationFee } from './application-fees';
import { chargeTransaction, recordConnectTransaction } from './balance';
import { connectedStoreAccount, platformOf } from './connect-store';
import { createTransfer, reverseTransfer, transferDestination } from './transfers';

const idOf = (value: string | { id: string } | null | undefined): string | undefined => (typeof value === 'string' ? value : value?.id);

/** Refuses Connect parameters of a PaymentIntent that Stripe refuses at creation or update. */
export function checkConnectParties(account: Account, intent: Stripe.PaymentIntent): void {
  const destination = idOf(intent.transfer_data?.destination);
  const onBehalfOf = idOf(intent.on_behalf_of);
  if (destination) transferDestination(account, destination, 'transfer_data[destination]');
  if (onBehalfOf && !account.get('account', onBehalfOf)) {
    throw invalidRequest(`No such account: '${onBehalfOf}'`, { code: 'resource_missing', param: 'on_behalf_of' }, 404);
  }
  if (intent.application_fee_amount !== null && !destination && !platformOf(account)) {
    throw invalidRequest(
      'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
      { param: 'application_fee_amount' },
    );
  }
}

/** Runs when a charge is captured; returns the charge with its `transfer` and `application_fee`. */
export function settleConnectCharge(source: EventSource, intent: Stripe.PaymentIntent, charge: Stripe.Charge): Stripe.Charge {
  const feeAmount = charge.application_fee_amount ?? 0;
  const availableOn = chargeTransaction(source.account, charge)?.available_on;
  const destination = idOf(intent.transfer_data?.destination);
  if (destination) {
    const platform = source.account;
    const transfer = createTransfer(source, {
      destination,
      amount: Math.min(intent.transfer_data?.amount ?? charge.amount_captured, charge.amount_captured),
      currency: charge.currency,
      sourceTransaction: charge,
      transferGroup: charge.transfer_group,
      description: null,
      metadata: {},
      applicationFee: feeAmount > 0 ? { amount: feeAmount, type: 'application_fee', description: 'Application fee', application: platformApplicationId(platform) } : undefined,
    });
    const fee =
      feeAmount > 0
        ? recordApplicationFee(source, {
            accountId: destination,
            amount: feeAmount,
            currency: charge.currency,
            chargeId: transfer.destination_payment as string,
            originatingCharge: charge.id,
            availableOn,
          })
        : undefined;
    if (fee) {
      // The seller's copy of the payment names the fee taken from it.
      const seller = connectedStoreAccount(platform, destination);
      const payment = seller.get('charge', fee.charge as string);
      if (payment) seller.put('charge', { ...payment, application_fee: fee.id });
    }
    return { ...charge, transfer: transfer.id, application_fee: fee?.id ?? null };
  }
  const connected = platformOf(source.account);
  if (connected && feeAmount > 0) {
    // A direct charge: the connected account pays the fee out of the charge to the platform.
    const platformSource = { ...source, account: connected.platform };
    recordConnectTransaction(source.account, {
      type: 'application_fee',
      reportingCategory: 'platform_fee',
      amount: -feeAmount,
      currency: charge.currency,
      source: charge.id,
      description: 'Application fee',
      availableOn,
    });
    const fee = recordApplicationFee(platformSource, {
      accountId: connected.accountId,
      amount: feeAmount,
      currency: charge.currency,
      chargeId: charge.id,
      originatingCharge: null,
      availableOn,
    });
    return { ...charge, application: platformApplicationId(connected.platform), application_fee: fee.id };
  }
  return charge;
}

export interface ConnectRefundOptions {
  reverseTransfer: boolean;
  refundApplicationFee: boolean;
}

/**
 * After a refund of a destination charge: `reverse_transfer` takes the refunded share back from the
 * connected account, `refund_application_fee` gives the fee back in proportion (Stripe's rule).
 */
export function settleConnectRefund(source: EventSource, charge: Stripe.Charge, refund: Stripe.Refund, options: ConnectRefundOptions): Stripe.Refund {
  const { account: platform } = source;
  const transferId = typeof charge.transfer === 'string' ? charge.transfer : charge.transfer?.id;
  const transfer = transferId ? platform.get('transfer', transferId) : undefined;
  let settled = refund;
  if (options.reverseTransfer && transfer) {
    const share = Math.floor((refund.amount * transfer.amount) / charge.amount);
    const amount = Math.min(share, transfer.amount - transfer.amount_reversed);
    if (amount > 0) {
      const reversal = reverseTransfer(source, transfer, amount, {}, refund.id);
      settled = platform.put('refund', { ...refund, transfer_reversal: reversal.id });
      // The copy embedded in the charge follows the refund.
      const current = platform.get('charge', charge.id);
      if (current?.refunds) {
        platform.put('charge', { ...current, refunds: { ...current.refunds, data: current.refunds.data.map((r) => (r.id === settled.id ? settled : r)) } });
      }
    }
  }
  const feeId = typeof charge.application_fee === 'string' ? charge.application_fee : charge.application_fee?.id;
  const fee = feeId ? platform.get('application_fee', feeId) : undefined;
  if (options.refundApplicationFee && fee) refundApplicationFee(source, fee, Math.floor((refund.amount * fee.amount) / charge.amount));
  return settled;
}
