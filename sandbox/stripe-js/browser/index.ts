// Entry of the served script: defines `window.Stripe` (version 'endive', as @stripe/stripe-js 10 expects)
// talking to the sandbox that served it.
import { ApiClient } from './api-client';
import { createStripe } from './stripe-instance';
import { IntegrationError, readOptions } from './types';

/** The sandbox's origin: where this script was loaded from. */
function sandboxOrigin(): string {
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement && script.src) return new URL(script.src).origin;
  const found = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((element) => /\/(v3|endive)\/(stripe\.js)?(\?|$)/.test(element.src));
  if (found) return new URL(found.src).origin;
  throw new IntegrationError('The sandbox Stripe.js could not tell which sandbox served it.');
}

const ORIGIN = sandboxOrigin();

function Stripe(publishableKey: unknown, options?: unknown) {
  if (typeof publishableKey !== 'string' || publishableKey === '') {
    throw new IntegrationError(`Invalid value for Stripe(): apiKey should be a string. You specified: ${String(publishableKey)}.`);
  }
  if (/^sk_/.test(publishableKey)) {
    throw new IntegrationError('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
  }
  if (!/^pk_test_/.test(publishableKey)) {
    throw new IntegrationError(`Invalid value for Stripe(): the sandbox accepts pk_test_ keys only. You specified: ${publishableKey}.`);
  }
  return createStripe(new ApiClient(ORIGIN, publishableKey), readOptions(options));
}
Stripe.version = 'endive';

// Not `window.Stripe = …`: @stripe/stripe-js declares that global with its own type.
Reflect.set(window, 'Stripe', Stripe);
