import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { describeSignatureFailure } from './describe-signature-failure';
import { diagnoseSignatureFailure, isSignedWith, parseSignatureHeader } from './diagnose-signature-failure';
import { verifyWebhookEvent } from './verify-webhook-event';
import { paddedSecretPositions } from './warn-webhook-secret-whitespace';

const ENDPOINT_SECRET = 'whsec_endpointsecret0123456789abcdef';
const CLI_SECRET = 'whsec_clisecret9876543210fedcba';
const NOW = Math.floor(Date.now() / 1000);
const event = { id: 'evt_test_1', object: 'event', type: 'customer.created', created: NOW - 2, api_version: '2026-10-28.endive', data: { object: { id: 'cus_1', object: 'customer', name: 'Ada' } } };
const stripeBody = JSON.stringify(event, null, 2);

function delivery(options: { body?: string; secret?: string; timestamp?: number } = {}) {
  const payload = stripeBody;
  const signatureHeader = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? ENDPOINT_SECRET, timestamp: options.timestamp ?? NOW });
  return { rawBody: Buffer.from(options.body ?? payload), signatureHeader };
}

/** What ingest does: verify, and on failure diagnose with the same inputs. */
function diagnose(input: { rawBody: Buffer; signatureHeader: string | null }, secrets: string[], nowSeconds = NOW) {
  const verified = verifyWebhookEvent({ ...input, secrets });
  if (verified.ok) throw new Error('expected the delivery to fail verification');
  return diagnoseSignatureFailure({ ...input, secrets, failure: verified.reason, nowSeconds });
}

describe('diagnoseSignatureFailure', () => {
  it('finds a body that was parsed and re-serialised (compact JSON): its re-formatted copy verifies', () => {
    const compact = JSON.stringify(JSON.parse(stripeBody));
    const result = diagnose(delivery({ body: compact }), [ENDPOINT_SECRET]);
    expect(result).toEqual({ reason: 'altered_body', skewSeconds: 0, isReserialisedMatch: true });
    expect(describeSignatureFailure(result)).toMatch(/parsed the JSON and wrote it out again/);
  });

  it('calls a body changed beyond re-formatting altered, without proof', () => {
    const changed = stripeBody.replace('"Ada"', '"Eve"').replace(/\n/g, '\r\n');
    expect(diagnose(delivery({ body: changed }), [ENDPOINT_SECRET])).toMatchObject({ reason: 'altered_body', isReserialisedMatch: false });
  });

  it("names the wrong secret when Stripe's exact bytes carry a signature none of ours made (the CLI's secret)", () => {
    const result = diagnose(delivery({ secret: CLI_SECRET }), [ENDPOINT_SECRET]);
    expect(result.reason).toBe('wrong_secret');
    expect(describeSignatureFailure(result)).toMatch(/Stripe CLI/);
  });

  it('measures clock skew for a signature older than the 300 s tolerance', () => {
    const result = diagnose(delivery({ timestamp: NOW - 1000 }), [ENDPOINT_SECRET], NOW);
    expect(result).toMatchObject({ reason: 'timestamp_outside_tolerance', skewSeconds: -1000 });
    expect(describeSignatureFailure(result)).toBe(
      'The secret matched, but the delivery was signed 17 min ago, outside the 300 s tolerance: this server’s clock and Stripe’s disagree (clock skew), or an old delivery was sent again.',
    );
  });

  it('spots a configured secret with a trailing line break that verifies once trimmed', () => {
    expect(diagnose(delivery(), [`${ENDPOINT_SECRET}\n`]).reason).toBe('secret_whitespace');
  });

  it('reports a missing header and a header in another form as such', () => {
    expect(diagnose({ rawBody: Buffer.from(stripeBody), signatureHeader: null }, [ENDPOINT_SECRET]).reason).toBe('missing_signature');
    expect(diagnose({ rawBody: Buffer.from(stripeBody), signatureHeader: 'sha256=abc' }, [ENDPOINT_SECRET]).reason).toBe('malformed_signature_header');
  });
});

describe('signature header', () => {
  it('reads t and every v1 and checks them against a secret', () => {
    const { signatureHeader } = delivery();
    const header = parseSignatureHeader(`${signatureHeader},v1=00`);
    expect(header.timestamp).toBe(NOW);
    expect(header.signatures).toHaveLength(2);
    expect(isSignedWith(stripeBody, header, ENDPOINT_SECRET)).toBe(true);
    expect(isSignedWith(stripeBody, header, CLI_SECRET)).toBe(false);
  });
});

describe('paddedSecretPositions', () => {
  it('lists the comma-separated secrets with whitespace around them', () => {
    expect(paddedSecretPositions(`${ENDPOINT_SECRET},${CLI_SECRET} `)).toEqual([2]);
    expect(paddedSecretPositions(` ${ENDPOINT_SECRET}`)).toEqual([1]);
    expect(paddedSecretPositions(ENDPOINT_SECRET)).toEqual([]);
    expect(paddedSecretPositions(undefined)).toEqual([]);
  });
});
