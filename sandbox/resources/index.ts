// Every resource module the sandbox serves; a new resource is one import and one entry here.
import type { ResourceModule } from '../core/resource-module';
import { customers } from './customers';
import { disputes } from './disputes';
import { balanceTransactions } from './balance-transactions';
import { charges } from './charges';
import { events } from './events';
import { files } from './files';
import { paymentIntents } from './payment-intents';
import { paymentLinks } from './payment-links';
import { paymentMethods } from './payment-methods';
import { prices } from './prices';
import { products } from './products';
import { refunds } from './refunds';
import { setupIntents } from './setup-intents';
import { creditNotes } from './credit-notes';
import { customerBalanceTransactions } from './invoice-customer-balance';
import { invoiceItems } from './invoice-items';
import { invoices } from './invoices';
import { quotes } from './quotes';
import { subscriptions } from './subscriptions';
import { webhookEndpoints } from '../webhooks/webhook-endpoints';
import { accountCapabilities } from './account-capabilities';
import { accountLinks } from './account-links';
import { accounts } from './accounts';
import { applicationFees } from './application-fees';
import { balance } from './balance';
import { payouts } from './payouts';
import { transfers } from './transfers';

export const RESOURCE_MODULES: ResourceModule[] = [
  customers,
  products,
  prices,
  paymentLinks,
  events,
  webhookEndpoints,
  paymentMethods,
  paymentIntents,
  charges,
  refunds,
  balanceTransactions,
  disputes,
  files,
  setupIntents,
  invoices,
  invoiceItems,
  quotes,
  subscriptions,
  creditNotes,
  customerBalanceTransactions,
  accounts,
  accountCapabilities,
  accountLinks,
  transfers,
  applicationFees,
  payouts,
  balance,
];
