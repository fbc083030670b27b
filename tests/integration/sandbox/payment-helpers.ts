// Shared steps for the payment tests: catching the SDK's errors and reading the sandbox's 3-D Secure page.
import Stripe from 'stripe';

/** The StripeError a call fails with (the test fails if it succeeds). */
export async function stripeError(run: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

/** The embedded PaymentIntent of an error body (Stripe puts it beside code and message). */
export const intentOfError = (error: Stripe.errors.StripeError): Stripe.PaymentIntent | undefined => error.payment_intent;

/** The 3-D Secure challenge page's form: its action and hidden fields, read from the HTML the sandbox serves. */
export interface ChallengeForm {
  action: string;
  fields: Record<string, string>;
}

export function readChallengeForm(html: string, pageUrl: string): ChallengeForm {
  const form = /<form method="post" action="([^"]+)">/.exec(html);
  if (!form) throw new Error('the page has no form');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[match[1]!] = match[2]!;
  return { action: new URL(form[1]!, pageUrl).toString(), fields };
}

/** Opens the challenge page at `url` and presses one of its buttons, as a browser would post the form. */
export async function answerChallenge(url: string, outcome: 'complete' | 'fail'): Promise<Response> {
  const pageResponse = await fetch(url);
  if (pageResponse.status !== 200) throw new Error(`the challenge page answered ${pageResponse.status}`);
  const { action, fields } = readChallengeForm(await pageResponse.text(), url);
  return fetch(action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, outcome }).toString(),
    redirect: 'manual',
  });
}

/** Card-only intents (API 2026-10-28: `allowed_payment_method_types`) confirm without a return_url. */
export const CARDS_ONLY: Pick<Stripe.PaymentIntentCreateParams, 'allowed_payment_method_types'> = { allowed_payment_method_types: ['card'] };
