// What an armed API fault does to a request: fail before it runs (500, 429, timeout) or lose its answer after.
import type { ServerResponse } from 'node:http';
import { StripeApiError } from '../http/stripe-error';
import type { ArmedFault } from './fault-registry';

const DEFAULT_HOLD_MS = 60_000;

/** Stripe's 500 wording; the SDK retries it (same idempotency key) when retries are on. */
const apiError = () =>
  new StripeApiError(500, {
    type: 'api_error',
    message: 'An unknown error occurred while processing your request (injected by the sandbox fault control).',
  });

/** Stripe answers rate limits with 429, type invalid_request_error, code rate_limit (or lock_timeout). */
function rateLimit(fault: ArmedFault): StripeApiError {
  if (fault.mode === 'lock_timeout') {
    return new StripeApiError(429, {
      type: 'invalid_request_error',
      code: 'lock_timeout',
      message:
        'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request. If you see this error frequently and are making multiple concurrent requests to a single object, make your requests serially or at a lower rate.',
    });
  }
  return new StripeApiError(429, {
    type: 'invalid_request_error',
    code: 'rate_limit',
    message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
  });
}

/**
 * Faults that stop the request before it executes (so nothing is stored under its idempotency key).
 * Returns the error to answer with, `'taken'` when the fault took over the socket, or undefined for
 * `lost_response`, which only acts after execution.
 */
export function injectBeforeExecution(
  fault: ArmedFault,
  response: ServerResponse,
  headers: Record<string, string>,
): StripeApiError | 'taken' | undefined {
  switch (fault.kind) {
    case 'api_error':
      return apiError();
    case 'rate_limit':
      if (fault.retry_after !== null) headers['Retry-After'] = String(fault.retry_after);
      return rateLimit(fault);
    case 'timeout': {
      const socket = response.socket;
      if (fault.mode === 'close') {
        socket?.destroy();
        return 'taken';
      }
      // Hold the socket without a byte of answer, past the client's timeout, then let it go.
      const timer = setTimeout(() => socket?.destroy(), fault.hold_ms ?? DEFAULT_HOLD_MS);
      socket?.once('close', () => clearTimeout(timer));
      return 'taken';
    }
    default:
      return undefined;
  }
}

/**
 * For `lost_response`: the request ran (and its idempotency record holds the real outcome), but the client
 * gets a 500 or a dropped connection instead, as when a network fails on the way back.
 * Returns true when it answered (or dropped) in place of the real response.
 */
export function loseResponse(
  fault: ArmedFault | undefined,
  response: ServerResponse,
  requestId: string,
  sendJson: (status: number, body: string) => void,
): boolean {
  if (fault?.kind !== 'lost_response') return false;
  if (fault.mode === 'drop') {
    response.socket?.destroy();
    return true;
  }
  sendJson(500, JSON.stringify(apiError().toBody(requestId)));
  return true;
}
