// Stripe-shaped API errors: one class the router turns into `{error: {...}}` with Stripe's status.

export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'rate_limit_error'
  | 'authentication_error';

export interface StripeErrorFields {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  /** Extra fields some errors carry (e.g. `payment_intent` on card errors); phase 2 may use it. */
  extra?: Record<string, unknown>;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: StripeErrorFields,
  ) {
    super(fields.message);
  }

  /** The JSON body Stripe sends; `doc_url` and `request_log_url` as real Stripe adds them. */
  toBody(requestId: string): { error: Record<string, unknown> } {
    const { extra, ...fields } = this.fields;
    const error: Record<string, unknown> = { ...fields, ...extra };
    if (fields.code) error.doc_url = `https://stripe.com/docs/error-codes/${fields.code.replace(/_/g, '-')}`;
    if (this.status !== 401) error.request_log_url = `https://dashboard.stripe.com/test/logs/${requestId}`;
    return { error };
  }
}

export const invalidRequest = (message: string, extra: Omit<StripeErrorFields, 'type' | 'message'> = {}, status = 400) =>
  new StripeApiError(status, { type: 'invalid_request_error', message, ...extra });

export const parameterUnknown = (param: string) =>
  invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const parameterMissing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const parameterInvalidEmpty = (param: string) =>
  invalidRequest(
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    { code: 'parameter_invalid_empty', param },
  );

export const parameterInvalidInteger = (param: string, value: string) =>
  invalidRequest(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param });

/** `noun` is Stripe's word for the object, e.g. `customer`, `price`, `payment_link`. */
export const resourceMissing = (noun: string, id: string, param = 'id') =>
  invalidRequest(`No such ${noun}: '${id}'`, { code: 'resource_missing', param }, 404);

export const unrecognizedUrl = (method: string, path: string) =>
  invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    {},
    404,
  );
