// Every resource module the sandbox serves; a new resource is one import and one entry here.
import type { ResourceModule } from '../core/resource-module';
import { customers } from './customers';
import { events } from './events';
import { paymentLinks } from './payment-links';
import { prices } from './prices';
import { products } from './products';
import { webhookEndpoints } from '../webhooks/webhook-endpoints';

export const RESOURCE_MODULES: ResourceModule[] = [customers, products, prices, paymentLinks, events, webhookEndpoints];
