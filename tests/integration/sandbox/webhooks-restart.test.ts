import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSandbox } from '../../../sandbox/spawn-sandbox';
import { freshSecretKey } from '../../support/sandbox';
import { deliveriesOf, eventually } from './webhooks-controls';
import { startReceiver } from './webhooks-receiver';

// The retry gap: long enough that a retry is still pending when the sandbox stops, short enough for a test.
const sandbox = await spawnSandbox({ env: { STRIPE_SANDBOX_WEBHOOK_RETRY_BASE_MS: '2500' } });
const { port: PORT, base, start, stop } = sandbox;
afterAll(() => sandbox.dispose());

describe('webhook deliveries across a sandbox restart', () => {
  it('delivers after a restart what was still pending before it, signed with the same endpoint secret', async () => {
    let isDown = true;
    const hook = await startReceiver(() => (isDown ? 503 : 200));
    try {
      await start();
      const key = freshSecretKey('whrestart');
      const stripe = new Stripe(key, { host: '127.0.0.1', port: PORT, protocol: 'http', maxNetworkRetries: 0 });
      const endpoint = await stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['customer.created'] });
      await stripe.customers.create({ name: 'Survivor' });
      const [first] = await hook.waitFor(1);
      await stop();

      isDown = false;
      await start();
      const [, second] = await hook.waitFor(2, 20_000);
      expect(second!.eventId).toBe(first!.eventId);
      const event = new Stripe('sk_test_verifier').webhooks.constructEvent(second!.body, second!.headers['stripe-signature'] as string, endpoint.secret!);
      expect(event.type).toBe('customer.created');
      const [delivery] = await eventually(
        () => deliveriesOf(key, { event: first!.eventId }, base),
        (ds) => ds[0]?.status === 'succeeded',
      );
      expect(delivery!.attempts.map((a) => a.status_code)).toEqual([503, 200]);
      expect((await stripe.events.retrieve(first!.eventId)).pending_webhooks).toBe(0);
    } finally {
      await hook.close();
    }
    // Two sandbox start-ups (tsx compiles on each) plus a retry gap.
  }, 90_000);
});
