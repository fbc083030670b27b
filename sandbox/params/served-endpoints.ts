// The operations the sandbox serves; scripts/extract-params.ts distils their parameters from this list.
// Adding an endpoint: add it here, run `npx tsx sandbox/scripts/extract-params.ts`, commit the table.

export const SERVED_ENDPOINTS = [
  'GET /v1/customers',
  'POST /v1/customers',
  'GET /v1/customers/search',
  'GET /v1/customers/{customer}',
  'POST /v1/customers/{customer}',
  'DELETE /v1/customers/{customer}',
  'GET /v1/products',
  'POST /v1/products',
  'GET /v1/products/{id}',
  'POST /v1/products/{id}',
  'DELETE /v1/products/{id}',
  'GET /v1/prices',
  'POST /v1/prices',
  'GET /v1/prices/{price}',
  'POST /v1/prices/{price}',
  'GET /v1/payment_links',
  'POST /v1/payment_links',
  'GET /v1/payment_links/{payment_link}',
  'POST /v1/payment_links/{payment_link}',
  'GET /v1/payment_links/{payment_link}/line_items',
  'GET /v1/events',
  'GET /v1/events/{id}',
  'GET /v1/webhook_endpoints',
  'POST /v1/webhook_endpoints',
  'GET /v1/webhook_endpoints/{webhook_endpoint}',
  'POST /v1/webhook_endpoints/{webhook_endpoint}',
  'DELETE /v1/webhook_endpoints/{webhook_endpoint}',
] as const;

export type ServedEndpoint = (typeof SERVED_ENDPOINTS)[number];
