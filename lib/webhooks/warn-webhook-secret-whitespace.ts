// Start-up check: a configured signing secret with spaces or a line break around it (a copy-paste slip).
import 'server-only';

/** The comma-separated secrets of STRIPE_WEBHOOK_SECRET that carry surrounding whitespace, by position. */
export function paddedSecretPositions(raw: string | undefined): number[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((secret, index) => ({ secret, index }))
    .filter(({ secret }) => secret.trim() !== '' && secret !== secret.trim())
    .map(({ index }) => index + 1);
}

export function warnWebhookSecretWhitespace(raw = process.env.STRIPE_WEBHOOK_SECRET): void {
  const positions = paddedSecretPositions(raw);
  if (positions.length === 0) return;
  // lib/env.ts trims them, so verification works; the warning is so the source of the value gets fixed.
  console.warn(
    `[webhook] STRIPE_WEBHOOK_SECRET: secret ${positions.join(', ')} has whitespace around it (trimmed before use). ` +
      'Remove it where the value is set: a tool that does not trim would fail every signature check.',
  );
}
