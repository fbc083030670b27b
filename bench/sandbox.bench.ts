// Sandbox throughput: API requests/s and latency through the real SDK with concurrent clients, and
// signed webhook deliveries/s to a local receiver that verifies every signature. Loopback only, bounded.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { printTable, quantile, type Benchmark } from './benchmark';
import { spawnSandbox, type SpawnedSandbox } from '../sandbox/spawn-sandbox';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WEBHOOK_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
/** Each phase stops early at this many seconds, whatever the counts. */
const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const sdk = (sandbox: SpawnedSandbox, key: string) =>
  new Stripe(key, { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 });

type Operation = { label: string; call: (stripe: Stripe, n: number) => Promise<unknown> };

const createConfirmPaymentIntent: Operation = {
  label: 'PaymentIntent create+confirm (pm_card_visa)',
  call: (stripe) =>
    stripe.paymentIntents.create({ amount: 2000, currency: 'usd', confirm: true, payment_method: 'pm_card_visa', automatic_payment_methods: { enabled: true, allow_redirects: 'never' } }),
};
const createCustomer: Operation = {
  label: 'customers.create (PaymentIntents not served yet)',
  call: (stripe, n) => stripe.customers.create({ name: `Bench ${n}`, email: `bench${n}@example.com` }),
};

/** PaymentIntents are being built alongside; measure them when this sandbox serves and succeeds them. */
async function pickOperation(sandbox: SpawnedSandbox): Promise<{ operation: Operation; note: string }> {
  try {
    const intent = await createConfirmPaymentIntent.call(sdk(sandbox, 'sk_test_benchprobe'), 0);
    if ((intent as Stripe.PaymentIntent).status === 'succeeded') return { operation: createConfirmPaymentIntent, note: '' };
    return { operation: createCustomer, note: `probe PaymentIntent ended ${(intent as Stripe.PaymentIntent).status}` };
  } catch (error) {
    return { operation: createCustomer, note: `probe PaymentIntent failed: ${(error as Error).message.slice(0, 80)}` };
  }
}

/** Runs `total` calls spread over CLIENTS concurrent SDK clients (one account each); per-call latency in ms. */
async function drive(sandbox: SpawnedSandbox, total: number, call: (stripe: Stripe, n: number) => Promise<unknown>, keyPrefix: string) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const deadline = performance.now() + PHASE_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const stripe = sdk(sandbox, `sk_test_${keyPrefix}${client}`);
      while (next < total && performance.now() < deadline) {
        const n = next++;
        const t0 = performance.now();
        try {
          await call(stripe, n);
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, seconds: (performance.now() - started) / 1000 };
}

/** A receiver that verifies each delivery with stripe.webhooks.constructEvent, as Paydesk's route does. */
async function startVerifyingReceiver(secrets: () => string[]) {
  const verifier = new Stripe('sk_test_bench_verifier');
  const counts = { verified: 0, rejected: 0, lastAt: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(request.headers['stripe-signature'] ?? '');
      const ok = secrets().some((secret) => {
        try {
          verifier.webhooks.constructEvent(body, signature, secret);
          return true;
        } catch {
          return false;
        }
      });
      if (ok) counts.verified += 1;
      else counts.rejected += 1;
      counts.lastAt = performance.now();
      response.writeHead(ok ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    counts,
    url: (path: string) => `http://127.0.0.1:${port}/${path}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Events made through the API, fanned out to `endpoints` endpoints; deliveries/s from first request to last delivery. */
async function measureWebhooks(sandbox: SpawnedSandbox, endpoints: number) {
  const key = `sk_test_benchwebhooks${endpoints}`;
  const stripe = sdk(sandbox, key);
  const secrets: string[] = [];
  const receiver = await startVerifyingReceiver(() => secrets);
  for (let i = 0; i < endpoints; i += 1) {
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url(`hook${i}`), enabled_events: ['customer.created'] });
    secrets.push(endpoint.secret!);
  }
  const events = Math.max(1, Math.floor(WEBHOOK_EVENTS / endpoints));
  const expected = events * endpoints;
  const started = performance.now();
  // All clients share the account, so every event goes to the same endpoints.
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < events) {
        const n = next++;
        await stripe.customers.create({ name: `Hook ${n}` });
      }
    }),
  );
  const generatedSeconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + PHASE_SECONDS * 1000;
  while (receiver.counts.verified + receiver.counts.rejected < expected && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await receiver.close();
  const seconds = (receiver.counts.lastAt - started) / 1000;
  return { expected, ...receiver.counts, seconds, generatedSeconds };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export const benchmark: Benchmark = {
  title: 'Stripe sandbox: API requests/s through the SDK, webhook deliveries/s',
  async run() {
    const sandbox = await spawnSandbox({ env: { STRIPE_SANDBOX_WEBHOOK_RETRY_BASE_MS: '1000' } });
    await sandbox.start();
    try {
      const { operation, note } = await pickOperation(sandbox);
      // Warm-up: JIT, keep-alive sockets, first-account set-up.
      await drive(sandbox, CLIENTS * 20, operation.call, 'benchwarm');
      const api = await drive(sandbox, REQUESTS, operation.call, 'benchapi');
      const one = await measureWebhooks(sandbox, 1);
      const four = await measureWebhooks(sandbox, 4);
      const rows: [string, string][] = [
        ['operation', operation.label],
        ['clients (concurrent SDK instances)', String(CLIENTS)],
        ['requests (ok / errors)', `${api.latencies.length} / ${api.errors}`],
        ['throughput', `${(api.latencies.length / api.seconds).toFixed(0)} req/s`],
        ['latency p50', ms(quantile(api.latencies, 0.5))],
        ['latency p95', ms(quantile(api.latencies, 0.95))],
        ['latency max', ms(quantile(api.latencies, 1))],
      ];
      for (const [label, run] of [['1 endpoint (in order)', one], ['4 endpoints', four]] as const) {
        rows.push([`webhooks, ${label}: delivered+verified / expected`, `${run.verified} / ${run.expected}${run.rejected ? ` (${run.rejected} bad signatures)` : ''}`]);
        rows.push([`webhooks, ${label}: deliveries/s`, `${(run.verified / run.seconds).toFixed(0)} /s`]);
        rows.push([`webhooks, ${label}: events made in / all delivered by`, `${run.generatedSeconds.toFixed(2)} s / ${run.seconds.toFixed(2)} s`]);
      }
      printTable(`Sandbox benchmark (loopback; stripe-node ${Stripe.PACKAGE_VERSION})`, rows);
      if (note) console.log(`note: ${note}`);
    } finally {
      await sandbox.dispose();
    }
  },
};
