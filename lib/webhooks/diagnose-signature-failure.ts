// Why a delivery failed verification, worked out from the bytes, the header and the configured secrets.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyFailure } from './verify-webhook-event';

export type SignatureDiagnosisReason =
  | 'missing_signature'
  | 'malformed_signature_header'
  | 'no_secret_configured'
  | 'timestamp_outside_tolerance'
  | 'secret_whitespace'
  | 'altered_body'
  | 'wrong_secret'
  | 'malformed_body'
  | 'body_too_large';

export interface SignatureDiagnosis {
  reason: SignatureDiagnosisReason;
  /** the signed timestamp minus our clock (negative: signed in the past) */
  skewSeconds: number | null;
  /** true when a re-serialised copy of the body verifies: proof the bytes were changed, not the secret */
  isReserialisedMatch: boolean;
}

export interface SignatureHeader {
  timestamp: number | null;
  signatures: string[];
}

/** Stripe's `t=…,v1=…[,v1=…]` header (v0 and other schemes are ignored, as Stripe's SDKs do). */
export function parseSignatureHeader(header: string): SignatureHeader {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2).map((text) => text.trim());
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  return { timestamp, signatures };
}

/** Stripe's scheme: v1 = hex HMAC-SHA256 of `${t}.${body}`, keyed by the whole `whsec_…` string. */
export function isSignedWith(body: Buffer | string, header: SignatureHeader, secret: string): boolean {
  if (header.timestamp === null) return false;
  const expected = createHmac('sha256', secret).update(`${header.timestamp}.`).update(body).digest();
  return header.signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** Forms a body takes after a JSON middleware or a proxy touched it, rewritten the way Stripe writes bodies. */
function restoredForms(rawBody: Buffer): string[] {
  const text = rawBody.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const pretty = JSON.stringify(parsed, null, 2);
  return [pretty, `${pretty}\n`, text.replace(/\r\n/g, '\n'), text.trim()].filter((form) => form !== text);
}

/** Whether the body is byte for byte what Stripe sends (2-space JSON); anything else was rewritten on the way. */
function isStripeFormatted(rawBody: Buffer): boolean {
  const text = rawBody.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text), null, 2) === text;
  } catch {
    return false;
  }
}

export function diagnoseSignatureFailure(options: {
  rawBody: Buffer;
  signatureHeader: string | null;
  secrets: readonly string[];
  failure: VerifyFailure | 'body_too_large';
  nowSeconds?: number;
}): SignatureDiagnosis {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const header = options.signatureHeader ? parseSignatureHeader(options.signatureHeader) : { timestamp: null, signatures: [] };
  const skewSeconds = header.timestamp === null ? null : header.timestamp - now;
  const result = (reason: SignatureDiagnosisReason, isReserialisedMatch = false): SignatureDiagnosis => ({ reason, skewSeconds, isReserialisedMatch });
  if (options.failure !== 'no_matching_signature' && options.failure !== 'timestamp_outside_tolerance') return result(options.failure);

  // The SDK reports a stale timestamp only after a secret matched the signature.
  if (options.failure === 'timestamp_outside_tolerance') return result('timestamp_outside_tolerance');
  const padded = options.secrets.filter((secret) => secret !== secret.trim());
  if (padded.some((secret) => isSignedWith(options.rawBody, header, secret.trim()))) return result('secret_whitespace');
  const forms = restoredForms(options.rawBody);
  if (forms.some((form) => options.secrets.some((secret) => isSignedWith(form, header, secret.trim())))) return result('altered_body', true);
  return result(isStripeFormatted(options.rawBody) ? 'wrong_secret' : 'altered_body');
}
